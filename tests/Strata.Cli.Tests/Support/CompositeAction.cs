using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// Runs the steps of the repository's composite action (action.yml) with bash as the GitHub runner would: inputs and
/// their defaults, each step's env with its ${{ }} expressions filled in, GITHUB_OUTPUT per step, GITHUB_PATH and
/// GITHUB_STEP_SUMMARY as files. It reads the plain YAML the action file keeps to (block maps, "run: |" blocks) and
/// fails on an expression it does not know, so the file cannot grow a dependency this does not exercise.
/// </summary>
public sealed partial class CompositeAction
{
    private readonly List<Step> _steps;
    private readonly Dictionary<string, string> _defaults;

    private CompositeAction(List<Step> steps, Dictionary<string, string> defaults)
    {
        _steps = steps;
        _defaults = defaults;
    }

    public IReadOnlyList<string> StepIds => [.. _steps.Select(step => step.Id)];

    public static CompositeAction Load(string path)
    {
        var lines = File.ReadAllLines(path);
        return new CompositeAction(ReadSteps(lines), ReadDefaults(lines));
    }

    /// <summary>Runs every step in order until one fails; returns the outputs of each step that ran and the combined log.</summary>
    public async Task<ActionRun> RunAsync(IReadOnlyDictionary<string, string> inputs, string workspace, IReadOnlyDictionary<string, string> environment)
    {
        var temp = TempDirectory.CreateForProcess();
        var outputs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var log = new StringBuilder();
        var summary = Path.Combine(temp, "step-summary.md");
        var pathFile = Path.Combine(temp, "github-path");
        foreach (var step in _steps)
        {
            var outputFile = Path.Combine(temp, $"output-{step.Id}");
            File.WriteAllText(outputFile, "");
            var script = Path.Combine(temp, $"{step.Id}.sh");
            File.WriteAllText(script, step.Run);
            var info = new ProcessStartInfo("bash")
            {
                WorkingDirectory = workspace,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment.Clear();
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            info.Environment["GITHUB_OUTPUT"] = outputFile;
            info.Environment["GITHUB_PATH"] = pathFile;
            info.Environment["GITHUB_STEP_SUMMARY"] = summary;
            info.Environment["GITHUB_WORKSPACE"] = workspace;
            foreach (var (key, expression) in step.Env)
            {
                info.Environment[key] = Evaluate(expression, inputs, outputs, temp);
            }

            var result = await StrataProcess.RunAsync(info, TimeSpan.FromMinutes(2));
            log.Append(result.Stdout).Append(result.Stderr);
            outputs[step.Id] = ReadOutputs(outputFile);
            if (result.ExitCode != 0)
            {
                return new ActionRun(step.Id, result.ExitCode, outputs, log.ToString(), Read(summary), Read(pathFile));
            }
        }

        return new ActionRun(null, 0, outputs, log.ToString(), Read(summary), Read(pathFile));
    }

    private string Evaluate(string text, IReadOnlyDictionary<string, string> inputs, Dictionary<string, Dictionary<string, string>> outputs, string temp) =>
        Expression().Replace(text, match =>
        {
            var parts = match.Groups[1].Value.Split('.');
            return parts switch
            {
                ["inputs", var name] => inputs.TryGetValue(name, out var given) ? given
                    : _defaults.TryGetValue(name, out var fallback) ? fallback
                    : throw new InvalidOperationException($"action.yml uses undeclared input {name}"),
                ["runner", "arch"] => "X64",
                ["runner", "temp"] => temp,
                ["steps", var id, "outputs", var name] => outputs.TryGetValue(id, out var values) && values.TryGetValue(name, out var value) ? value : "",
                _ => throw new InvalidOperationException($"action.yml uses an expression the local runner does not know: {match.Value}"),
            };
        });

    private static List<Step> ReadSteps(string[] lines)
    {
        var steps = new List<Step>();
        var start = Array.FindIndex(lines, line => line == "  steps:");
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("    - ", StringComparison.Ordinal))
            {
                continue;
            }

            string? id = null;
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            var run = new StringBuilder();
            lines[i] = "      " + lines[i][6..];
            for (; i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith("      ", StringComparison.Ordinal)); i++)
            {
                var line = lines[i];
                if (line.StartsWith("      id: ", StringComparison.Ordinal))
                {
                    id = line[10..].Trim();
                }
                else if (line == "      env:")
                {
                    for (; i + 1 < lines.Length && lines[i + 1].StartsWith("        ", StringComparison.Ordinal); i++)
                    {
                        var pair = lines[i + 1].Trim().Split(": ", 2);
                        env[pair[0]] = pair.Length > 1 ? Unquote(pair[1]) : "";
                    }
                }
                else if (line == "      run: |")
                {
                    for (; i + 1 < lines.Length && (lines[i + 1].Length == 0 || lines[i + 1].StartsWith("        ", StringComparison.Ordinal)); i++)
                    {
                        run.Append(lines[i + 1].Length == 0 ? "" : lines[i + 1][8..]).Append('\n');
                    }
                }
            }

            i--;
            steps.Add(new Step(id ?? throw new InvalidOperationException("every step of action.yml needs an id"), env, run.ToString()));
        }

        return steps;
    }

    private static Dictionary<string, string> ReadDefaults(string[] lines)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = Array.IndexOf(lines, "inputs:");
        string? name = null;
        for (var i = start + 1; i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith(' ')); i++)
        {
            if (lines[i].StartsWith("  ", StringComparison.Ordinal) && !lines[i].StartsWith("   ", StringComparison.Ordinal))
            {
                name = lines[i].Trim().TrimEnd(':');
            }
            else if (name is not null && lines[i].StartsWith("    default: ", StringComparison.Ordinal))
            {
                defaults[name] = Unquote(lines[i][13..].Trim());
            }
        }

        return defaults;
    }

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static Dictionary<string, string> ReadOutputs(string file) =>
        File.ReadAllLines(file).Where(line => line.Contains('=')).Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static string Read(string file) => File.Exists(file) ? File.ReadAllText(file) : "";

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Expression();

    private sealed record Step(string Id, Dictionary<string, string> Env, string Run);
}

/// <summary>What a local run of the composite action did.</summary>
public sealed record ActionRun(
    string? FailedStep, int ExitCode, IReadOnlyDictionary<string, Dictionary<string, string>> Outputs, string Log, string Summary, string GithubPath);
