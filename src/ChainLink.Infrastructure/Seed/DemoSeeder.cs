using System.Security.Cryptography;
using ChainLink.Application.Common;
using ChainLink.Domain.Common;
using ChainLink.Domain.Organisations;
using ChainLink.Infrastructure.Identity;
using ChainLink.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Seed;

public sealed record DemoAccount(string Email, string Role, string Organisation);

/// <summary>Writes the demo data set and its accounts once; a second start finds them and adds nothing.</summary>
public static class DemoSeeder
{
    public static readonly IReadOnlyList<(string Email, string Role, int Index)> Accounts =
    [
        ("enterprise@demo.chainlink.cn", Roles.Enterprise, 0),
        ("enterprise2@demo.chainlink.cn", Roles.Enterprise, 1),
        ("college@demo.chainlink.cn", Roles.College, 0),
        ("college2@demo.chainlink.cn", Roles.College, 1),
        ("government@demo.chainlink.cn", Roles.Government, 0),
        ("admin@demo.chainlink.cn", Roles.Admin, 0),
    ];

    /// <summary>Government and administrator accounts: not listed on the sign-in page, with their own password.</summary>
    public static bool IsPrivileged(string role) => role is Roles.Government or Roles.Admin;

    /// <summary>A random password that meets the password rules (upper, lower, digit, symbol, length).</summary>
    public static string NewPrivilegedPassword() => $"Cl#{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}a7";

    public static async Task<bool> SeedAsync(AppDbContext db, UserManager<AppUser> users, SeedFiles files, DemoOptions options, string privilegedPassword,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Government, ct)) return false;

        var anchor = options.AnchorQuarter is { Length: > 0 } text ? Quarter.Parse(text) : Quarter.Of(now);
        var set = new DemoDataGenerator(files, options.Scale, anchor, now.UtcDateTime, options.Seed).Generate();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.AddRange([set.Government, set.Platform, .. set.Enterprises, .. set.Colleges]);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in set.Programmes.Chunk(500))
        {
            db.Programmes.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in set.Demands.Chunk(2000))
        {
            db.Demands.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.TrainingBases.AddRange(set.TrainingBases);
        db.Mentors.AddRange(set.Mentors);
        db.RdPlatforms.AddRange(set.Platforms);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var cooperation = new DemoCooperationGenerator(set, options.Seed, now.UtcDateTime).Generate();
        db.TechnologyNeeds.AddRange(cooperation.TechnologyNeeds);
        db.Proposals.AddRange(cooperation.Proposals);
        db.Agreements.AddRange(cooperation.Agreements);
        db.Investments.AddRange(cooperation.Investments);
        db.Outcomes.AddRange(cooperation.Outcomes);
        db.InboxItems.AddRange(cooperation.InboxItems);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        foreach (var chunk in new DemoGraduateOutcomeGenerator(set, options.Seed, now.UtcDateTime).Generate().Chunk(2000))
        {
            db.GraduateOutcomes.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        foreach (var (email, role, index) in Accounts)
        {
            var organisation = role switch
            {
                Roles.Enterprise => set.Enterprises[index],
                Roles.College => set.Colleges[index],
                Roles.Government => set.Government,
                _ => set.Platform,
            };
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, OrganisationId = organisation.Id, DisplayName = organisation.Name };
            Check(await users.CreateAsync(user, IsPrivileged(role) ? privilegedPassword : options.Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
