using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChainLink.Api.Tests.Crash;

/// <summary>
/// The API built by the solution (<c>src/ChainLink.Api/bin/…/ChainLink.Api.dll</c>), run as its own OS process on a free
/// local port and a given data folder with the demo data on, so that a test can kill it the way a power cut would.
/// </summary>
internal sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string LogTail
    {
        get
        {
            lock (_log) return _log.Length <= 4000 ? _log.ToString() : _log.ToString(_log.Length - 4000, 4000);
        }
    }

    public static async Task<ApiProcess> StartAsync(string dataDirectory, TimeSpan timeout)
    {
        var dll = ApiDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ChainLink__DataDirectory"] = dataDirectory;
        start.Environment["ChainLink__Demo__Enabled"] = "true";
        start.Environment["Database__Provider"] = "Sqlite";
        // A killed dispatcher's claim must run out within the test, and the outbox is polled often enough to drain quickly.
        start.Environment["Outbox__LeaseDuration"] = "00:00:02";
        start.Environment["Outbox__PollInterval"] = "00:00:00.100";

        var api = new ApiProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        api._process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitUntilHealthyAsync(timeout);
        return api;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown hooks, no flushing — whatever was committed is all that survives.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API exited with code {_process.ExitCode} while starting:\n{LogTail}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API did not become healthy within {timeout}:\n{LogTail}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>The API's own build output for the configuration these tests were built in.</summary>
    private static string ApiDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ChainLink.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No ChainLink.sln above {testOutput.FullName}.");
        var dll = Path.Combine(root.FullName, "src", "ChainLink.Api", "bin", configuration, testOutput.Name, "ChainLink.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing; build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
