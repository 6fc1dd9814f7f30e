using System.Globalization;
using ChainLink.Domain.Reference;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainLink.Infrastructure.Seed;

/// <summary>
/// Reads the CSV files of seed/: reference/ (sourced facts), curated/ (ChainLink's own) and taxonomy/ (the skills and
/// links seed/build_taxonomy.py derives from the sources and the curation).
/// </summary>
public sealed class SeedFiles(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<Region> Regions() => Read("reference/regions.csv", r => new Region
    {
        Code = r["code"], Name = r["name"], Level = r["level"], DivisionType = r["division_type"],
        ParentCode = NullIfEmpty(r["parent_code"]),
        Longitude = double.Parse(r["lon"], CultureInfo.InvariantCulture), Latitude = double.Parse(r["lat"], CultureInfo.InvariantCulture),
    });

    public IReadOnlyList<MajorCategory> MajorCategories() => Read("reference/major_categories.csv", r => new MajorCategory
    {
        Code = r["code"], Name = r["name"], Kind = r["kind"], ParentCode = NullIfEmpty(r["parent_code"]),
    });

    public IReadOnlyList<Major> Majors() => Read("reference/majors.csv", r => new Major
    {
        Code = r["code"], Name = r["name"], Level = r["level"], CategoryCode = r["category_code"], DivisionCode = r["division_code"],
        NationalControl = r["national_control"] == "true",
        FirstEnrollmentYear = string.IsNullOrEmpty(r["first_enrollment_year"]) ? null : int.Parse(r["first_enrollment_year"], CultureInfo.InvariantCulture),
    });

    public IReadOnlyList<Occupation> Occupations() => Read("reference/occupations.csv", r => new Occupation
    {
        Code = r["code"], Name = r["name"], Level = r["level"], ParentCode = NullIfEmpty(r["parent_code"]),
        Green = r["green"] == "true", Digital = r["digital"] == "true",
    });

    public IReadOnlyList<Skill> Skills() => Read("taxonomy/skills.csv", r => new Skill
    {
        Code = r["code"], NameZh = r["name_zh"], NameEn = r["name_en"], ParentCode = NullIfEmpty(r["parent_code"]),
        Type = Enum.Parse<SkillType>(r["type"], ignoreCase: true), Sources = r["sources"],
        Aliases = r["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Select(a => new SkillAlias { SkillCode = r["code"], Text = a }).ToList(),
    });

    public IReadOnlyList<IndustryCluster> Clusters() => Read("curated/clusters.csv", r => new IndustryCluster
    {
        Code = r["code"], NameZh = r["name_zh"], NameEn = r["name_en"], Description = r["description_zh"],
    });

    public IReadOnlyList<MajorSkill> MajorSkills() =>
        Read("taxonomy/major_skills.csv", r => new MajorSkill(r["major_code"], r["skill_code"], Int(r["level"])));

    public IReadOnlyList<OccupationSkill> OccupationSkills() =>
        Read("taxonomy/occupation_skills.csv", r => new OccupationSkill(r["occupation_code"], r["skill_code"], r["importance"] == "essential"));

    /// <summary>ChainLink's own major → skill links: the demo data set is drawn from these, so growing the sourced taxonomy leaves it as it was.</summary>
    public IReadOnlyList<MajorSkill> CuratedMajorSkills() =>
        Read("curated/major_skills.csv", r => new MajorSkill(r["major_code"], r["skill_code"], Int(r["level"])));

    /// <summary>ChainLink's own occupation → skill links, for the demo data set (see <see cref="CuratedMajorSkills"/>).</summary>
    public IReadOnlyList<OccupationSkill> CuratedOccupationSkills() =>
        Read("curated/occupation_skills.csv", r => new OccupationSkill(r["occupation_code"], r["skill_code"], r["importance"] == "essential"));

    public IReadOnlyList<MajorOccupation> MajorOccupations() =>
        Read("taxonomy/major_occupations.csv", r => new MajorOccupation(r["major_code"], r["occupation_code"], Int(r["weight"])));

    public IReadOnlyList<ClusterRegion> ClusterRegions() =>
        Read("curated/cluster_regions.csv", r => new ClusterRegion(r["cluster_code"], r["region_code"], Int(r["weight"])));

    public IReadOnlyList<ClusterOccupation> ClusterOccupations() =>
        Read("curated/cluster_occupations.csv", r => new ClusterOccupation(r["cluster_code"], r["occupation_code"], Int(r["weight"])));

    public IReadOnlyList<ClusterMajor> ClusterMajors() =>
        Read("curated/cluster_majors.csv", r => new ClusterMajor(r["cluster_code"], r["major_code"], Int(r["weight"])));

    /// <summary>One CSV row; a missing column is a broken seed file, reported with its name.</summary>
    private readonly struct Row(CsvReader csv, string file)
    {
        public string this[string column] =>
            csv.GetField(column) ?? throw new InvalidDataException($"{file} line {csv.Parser.Row} has no column '{column}'.");
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private List<T> Read<T>(string relativePath, Func<Row, T> map)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"Seed file {path} is missing; set ChainLink:SeedDirectory to the seed/ folder.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false });
        csv.Read();
        csv.ReadHeader();
        var list = new List<T>();
        while (csv.Read()) list.Add(map(new Row(csv, relativePath)));
        return list;
    }
}
