mock_provider "aws" {}

variables {
  name   = "cruddur"
  region = "eu-west-1"
}

run "tags_name_one_image_forever" {
  command = apply

  assert {
    condition     = aws_ecr_repository.app.image_tag_mutability == "IMMUTABLE"
    error_message = "Image tags must be immutable so a deployed tag always names the tested image."
  }

  assert {
    condition     = aws_ecr_repository.app.image_scanning_configuration[0].scan_on_push
    error_message = "Images must be scanned on push."
  }
}
