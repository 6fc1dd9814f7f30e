using ChainLink.Domain.Dashboard;

namespace ChainLink.Infrastructure.Seed;

/// <summary>
/// Synthetic graduate outcomes for the demo programmes: one row per programme and past graduation year whose graduates
/// have been out for 6 months (retention only once a year has passed). Rates vary by programme around typical
/// 高职 values; its own random stream (seeded from the demo seed) leaves the data generated before it unchanged.
/// </summary>
public sealed class DemoGraduateOutcomeGenerator(DemoDataSet set, int seed, DateTime now)
{
    private readonly Random _random = new(unchecked(seed * 37 + 1818));

    public IReadOnlyList<GraduateOutcome> Generate()
    {
        var outcomes = new List<GraduateOutcome>();
        foreach (var programme in set.Programmes)
        {
            foreach (var cohort in programme.Cohorts)
            {
                var surveyedAt = new DateTime(cohort.Year, 12, 31, 0, 0, 0, DateTimeKind.Utc);
                if (cohort.Actual is not { } graduates || graduates < 1 || surveyedAt > now) continue;
                var employed = (int)Math.Round(graduates * (0.82 + 0.15 * _random.NextDouble()));
                var inMajor = (int)Math.Round(employed * (0.55 + 0.35 * _random.NextDouble()));
                int? retained = surveyedAt.AddMonths(6) <= now ? (int)Math.Round(employed * (0.5 + 0.35 * _random.NextDouble())) : null;
                var pay = 100 * _random.Next(35, 66);
                var figures = new GraduateOutcomeFigures(graduates, employed, inMajor, retained, employed > 0 ? pay : null);
                outcomes.Add(GraduateOutcome.Report(NextGuid(), programme.OrganisationId, programme.Id, cohort.Year, figures, surveyedAt));
            }
        }
        return outcomes;
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
