using ChainLink.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/ChainLink.Benchmarks -- extract | matching
return args switch
{
    ["extract"] => ExtractBenchmark.Run(),
    ["matching"] => await MatchingBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/ChainLink.Benchmarks -- extract | matching");
    return 2;
}
