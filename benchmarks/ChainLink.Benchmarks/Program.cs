using ChainLink.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/ChainLink.Benchmarks -- extract | matching | barometer [data folder] | forecast <M3 folder> | http --scale N [--data folder] [--duration 5s] [--only match,list]
return args switch
{
    ["extract"] => ExtractBenchmark.Run(),
    ["matching"] => await MatchingBenchmark.RunAsync(),
    ["forecast", var m3] => ForecastBenchmark.Run(m3),
    ["barometer", .. var rest] => await BarometerBenchmark.RunAsync(rest.Length > 0 ? rest[0] : Path.Combine(Path.GetTempPath(), "chainlink-barometer-bench")),
    ["http", .. var rest] => await HttpBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/ChainLink.Benchmarks -- extract | matching | barometer [data folder] | forecast <M3 folder> | http --scale N [--data folder] [--duration 5s] [--only match,list]");
    return 2;
}
