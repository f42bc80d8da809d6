using BenchmarkDotNet.Running;
using Pstm.Benchmarks;

// BenchmarkDotNet runs each benchmark in a process of its own, started from another folder: tell it
// where the repository (the shipped plan and templates) is.
Environment.SetEnvironmentVariable(Repository.Variable, Repository.Root);
var switcher = BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly);

// Without a filter the switcher asks which benchmarks to run, and a build script has no one to answer.
if (args.Any(a => a is "--filter" or "-f" or "--list"))
{
    switcher.Run(args);
}
else
{
    switcher.RunAll(config: null, args);
}
