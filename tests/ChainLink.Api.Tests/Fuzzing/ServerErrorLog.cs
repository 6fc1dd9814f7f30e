using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChainLink.Api.Tests.Fuzzing;

/// <summary>
/// Keeps the errors the server logs, by the fuzz case whose request was running (its <see cref="Header"/>), so that a
/// 5xx in the failure list comes with the exception behind it.
/// </summary>
internal sealed class ServerErrorLog(IHttpContextAccessor http) : ILoggerProvider
{
    public const string Header = "X-Fuzz-Case";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _errors = new(StringComparer.Ordinal);

    public string For(string caseId) =>
        _errors.TryGetValue(caseId, out var errors) ? string.Join(" / ", errors.Distinct(StringComparer.Ordinal)) : "";

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Add(Exception? exception, string message)
    {
        var id = http.HttpContext?.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(id)) return;
        var text = exception is null ? message : $"{exception.GetType().Name}: {exception.Message} {TopFrame(exception)}";
        _errors.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(FuzzFailure.Excerpt(text, 400));
    }

    /// <summary>The innermost exception's first frame in ChainLink code, where the fix most likely goes.</summary>
    private static string TopFrame(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null) inner = inner.InnerException;
        var frames = (inner.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries);
        return frames.FirstOrDefault(f => f.Contains("ChainLink.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "?";
    }

    private sealed class Logger(ServerErrorLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Add(exception, formatter(state, exception));
        }
    }
}
