using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ChainLink.Api.Tests;

/// <summary>
/// The in-memory test server has no remote address; this takes it from the <c>X-Test-Client</c> header so a test can
/// play a stranger and the account's owner at two addresses.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, proceed) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address)) http.Connection.RemoteIpAddress = address;
            return proceed(http);
        });
        next(app);
    };
}
