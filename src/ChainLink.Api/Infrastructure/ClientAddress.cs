namespace ChainLink.Api.Infrastructure;

/// <summary>The caller's address as the limits see it; the in-memory test server has none, which is one partition.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
