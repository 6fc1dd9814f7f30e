using System.Diagnostics;
using System.Net;
using System.Text.Json;
using static ChainLink.Api.Tests.ChainLinkApiFactory;

namespace ChainLink.Api.Tests;

/// <summary>A stranger cannot tell which e-mails have accounts: not from sign-in answers, their timing, or registration.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountEnumerationTests(ChainLinkApiFactory api)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The answer without its per-request trace id.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(HttpResponseMessage response)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        body.Remove("traceId");
        return (response.StatusCode, JsonSerializer.Serialize(body.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(), Readable));
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_identical_answers()
    {
        using var client = api.CreateClient();
        var wrong = await AnswerAsync(await client.PostJsonAsync("/api/auth/login", new { email = Enterprise2, password = "wrong-password" }));
        var unknown = await AnswerAsync(await client.PostJsonAsync("/api/auth/login", new { email = "nobody@example.cn", password = "wrong-password" }));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(wrong, unknown);
        Assert.Contains("邮箱或密码错误。", wrong.Body);
    }

    [Fact]
    public async Task Unknown_account_takes_about_as_long_as_a_wrong_password()
    {
        using var client = api.CreateClient();
        async Task<double> MedianAsync(string email)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                (await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-password" })).Dispose();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        await MedianAsync("warm-up@example.cn");

        var known = await MedianAsync(College2);
        var unknown = await MedianAsync($"nobody-{Guid.NewGuid():N}@example.cn");

        // Before: 86 ms against 2 ms. A password hash on both paths keeps them within noise of each other.
        Assert.True(unknown > known * 0.4, $"unknown account {unknown:F1} ms, wrong password {known:F1} ms");
    }

    [Fact]
    public async Task Registering_an_existing_email_answers_like_a_new_one_and_changes_nothing()
    {
        using var anonymous = api.CreateClient();
        object Registration(string email) => new
        {
            email, password = "Str0ng#Pass", organisationName = $"枚举测试公司{Guid.NewGuid():N}", kind = "Enterprise", regionCode = "150200",
        };
        var fresh = await AnswerAsync(await anonymous.PostJsonAsync("/api/auth/register", Registration($"new-{Guid.NewGuid():N}@example.cn")));
        var organisations = await api.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Organisations));

        var taken = await AnswerAsync(await anonymous.PostJsonAsync("/api/auth/register", Registration(Enterprise)));

        Assert.Equal(HttpStatusCode.Accepted, fresh.Status);
        Assert.Equal(fresh, taken);
        Assert.Equal(organisations, await api.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Organisations)));
        await (await anonymous.PostJsonAsync("/api/auth/login", new { email = Enterprise, password = "Str0ng#Pass" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
