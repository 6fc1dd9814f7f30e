using ChainLink.Domain.Common;
using ChainLink.Domain.Demands;
using ChainLink.Domain.Organisations;
using ChainLink.Domain.Programmes;
using ChainLink.Domain.Reference;
using ChainLink.Domain.Resources;
using ChainLink.Application.ResourceMap;

namespace ChainLink.Infrastructure.Seed;

public sealed record DemoDataSet(
    IReadOnlyList<Organisation> Enterprises,
    IReadOnlyList<Organisation> Colleges,
    Organisation Government,
    Organisation Platform,
    IReadOnlyList<Programme> Programmes,
    IReadOnlyList<Demand> Demands,
    IReadOnlyList<TrainingBase> TrainingBases,
    IReadOnlyList<Mentor> Mentors,
    IReadOnlyList<RdPlatform> Platforms);

/// <summary>
/// Writes the synthetic demo data set: organisations, programmes and demands over the 12 quarters up to
/// <c>anchor</c>, located in Inner Mongolia's 12 盟市. The same seed, scale and anchor always give the same data.
/// Organisations and figures are synthetic; every region, major, occupation and skill code is a real seed code.
/// </summary>
public sealed class DemoDataGenerator
{
    public const int DefaultSeed = 20261125;
    public const int EnterprisesPerScale = 40;
    public const int CollegesPerScale = 15;
    public const int ProgrammesPerScale = 120;
    public const int DemandsPerScale = 1500;
    public const int HistoryQuarters = 12;
    public const string DemoRegion = "150000";
    /// <summary>Complete quarters of training-base usage before the anchor.</summary>
    public const int ResourceHistoryQuarters = 8;

    /// <summary>Share of a year's postings by quarter: spring hiring after the Spring Festival, the graduation season, a quiet winter.</summary>
    private static readonly double[] Seasonality = [1.30, 1.00, 1.15, 0.75];

    /// <summary>Yearly growth of postings by cluster (new energy, computing and low-altitude grow fastest; coal chemicals stay flat).</summary>
    private static readonly Dictionary<string, double> ClusterGrowth = new(StringComparer.Ordinal)
    {
        ["NE-WIND"] = 0.12, ["NE-SOLAR"] = 0.15, ["NE-HYDROGEN"] = 0.30, ["NE-STORAGE"] = 0.25, ["RARE-EARTH"] = 0.10,
        ["GREEN-COMPUTE"] = 0.28, ["COAL-CHEM"] = 0.00, ["HIGH-EQUIP"] = 0.08, ["AGRI-LIVESTOCK"] = 0.04,
        ["BIOMED"] = 0.10, ["LOW-ALTITUDE"] = 0.35, ["LOGISTICS"] = 0.06,
    };

    private static readonly string[] CompanyWords = ["北辰", "远景", "金桥", "恒源", "华晟", "瀚海", "青城", "天骄", "鹿城", "驼峰", "云岭", "朔风", "阴山", "河套", "大漠", "银川", "敕勒", "长风", "星河", "磐石"];
    private static readonly string[] CompanySuffixes = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司"];
    private static readonly string[] CollegeWords = ["应用", "能源", "工业", "科技", "交通", "农牧", "医药", "数字", "建设", "经贸", "电力", "化工", "机电", "信息", "商贸", "航空", "资源", "生态"];
    private static readonly string[] ModuleKinds = ["基础", "技术", "实训", "综合实践"];
    private static readonly string[] BaseWords = ["实训基地", "公共实训基地", "产教融合实训基地", "生产性实训基地"];
    private static readonly int[] StationCounts = [10, 16, 20, 24, 30, 40];
    /// <summary>Share of a quarter's capacity in use by term: spring term, end of term and graduation, summer break, autumn term.</summary>
    private static readonly double[] TermLoad = [0.9, 1.05, 0.55, 1.0];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "高", "郭", "马", "孙", "乌兰", "巴特尔", "其木格", "额尔敦"];
    private static readonly string[] GivenNames = ["建国", "志强", "海燕", "晓峰", "丽娜", "振华", "宏伟", "雅琴", "浩然", "思远", "敏", "磊", "静", "涛"];
    private static readonly Dictionary<PlatformKind, string> PlatformWords = new()
    {
        [PlatformKind.EngineeringCentre] = "工程技术研究中心",
        [PlatformKind.KeyLaboratory] = "重点实验室",
        [PlatformKind.InnovationCentre] = "技术创新中心",
        [PlatformKind.IndustryCollege] = "产业学院研发中心",
    };

    private readonly Random _random;
    private readonly int _scale;
    private readonly Quarter _anchor;
    private readonly DateTime _end;
    private readonly Dictionary<string, Region> _regions;
    private readonly IReadOnlyList<IndustryCluster> _clusters;
    private readonly ILookup<string, ClusterRegion> _clusterRegions;
    private readonly ILookup<string, ClusterOccupation> _clusterOccupations;
    private readonly ILookup<string, ClusterMajor> _clusterMajors;
    private readonly ILookup<string, MajorSkill> _majorSkills;
    private readonly ILookup<string, OccupationSkill> _occupationSkills;
    private readonly Dictionary<string, string> _occupationNames;
    private readonly Dictionary<string, string> _majorNames;
    private readonly Dictionary<string, string> _skillNames;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    /// <param name="now">No generated event lies after it, so the anchor quarter holds only what has happened so far.</param>
    public DemoDataGenerator(SeedFiles files, int scale, Quarter anchor, DateTime now, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        _random = new Random(seed);
        _scale = scale;
        _anchor = anchor;
        _end = anchor.End.UtcDateTime < now ? anchor.End.UtcDateTime : now;
        _regions = files.Regions().ToDictionary(r => r.Code, StringComparer.Ordinal);
        _clusters = files.Clusters();
        _clusterRegions = files.ClusterRegions().ToLookup(c => c.ClusterCode, StringComparer.Ordinal);
        _clusterOccupations = files.ClusterOccupations().ToLookup(c => c.ClusterCode, StringComparer.Ordinal);
        _clusterMajors = files.ClusterMajors().ToLookup(c => c.ClusterCode, StringComparer.Ordinal);
        _majorSkills = files.CuratedMajorSkills().ToLookup(l => l.MajorCode, StringComparer.Ordinal);
        _occupationSkills = files.CuratedOccupationSkills().ToLookup(l => l.OccupationCode, StringComparer.Ordinal);
        _occupationNames = files.Occupations().ToDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal);
        _majorNames = files.Majors().ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);
        _skillNames = files.Skills().ToDictionary(s => s.Code, s => s.NameZh, StringComparer.Ordinal);
    }

    /// <summary>The 12 盟市 of the demo region.</summary>
    public IReadOnlyList<Region> Prefectures => _regions.Values.Where(r => r.ParentCode == DemoRegion).OrderBy(r => r.Code).ToList();

    public DemoDataSet Generate()
    {
        var government = new Organisation(NextGuid(), "内蒙古自治区产教融合工作专班（演示）", OrganisationKind.Government, DemoRegion, [], "gov-office@demo.chainlink.cn", "0471-0000000");
        var platform = new Organisation(NextGuid(), "ChainLink 平台运营（演示）", OrganisationKind.Platform, "150100", [], "ops@demo.chainlink.cn", null);
        var enterprises = Enumerable.Range(0, EnterprisesPerScale * _scale).Select(NewEnterprise).ToList();
        var colleges = Enumerable.Range(0, CollegesPerScale * _scale).Select(NewCollege).ToList();
        var programmes = NewProgrammes(colleges);
        var demands = NewDemands(enterprises);
        // Resources come last so that adding them left the organisations, programmes and demands of a seed unchanged.
        var trainingBases = NewTrainingBases(colleges, enterprises);
        var mentors = NewMentors(enterprises, programmes);
        var platforms = NewPlatforms(colleges, enterprises);
        return new DemoDataSet(enterprises, colleges, government, platform, programmes, demands, trainingBases, mentors, platforms);
    }

    private Organisation NewEnterprise(int index)
    {
        // Every cluster gets enterprises; the first ones cycle through clusters so that a small scale still covers all.
        var cluster = _clusters[index % _clusters.Count];
        var region = PickWeighted(_clusterRegions[cluster.Code].ToList(), r => r.Weight).RegionCode;
        var name = UniqueName(() => $"{ShortName(region)}{Pick(CompanyWords)}{IndustryWord(cluster)}{Pick(CompanySuffixes)}（演示）");
        return new Organisation(NextGuid(), name, OrganisationKind.Enterprise, region, [cluster.Code], $"hr{index + 1}@enterprise.demo.chainlink.cn", $"0471-{1000000 + index}");
    }

    private Organisation NewCollege(int index)
    {
        var prefectures = Prefectures;
        var region = prefectures[index % prefectures.Count].Code;
        var clusters = _clusterRegions.Where(g => g.Any(r => r.RegionCode == region)).Select(g => g.Key).ToList();
        var name = UniqueName(() => $"{ShortName(region)}{Pick(CollegeWords)}职业技术学院（演示）");
        return new Organisation(NextGuid(), name, OrganisationKind.College, region, clusters, $"office{index + 1}@college.demo.chainlink.cn", $"0472-{1000000 + index}");
    }

    private List<Programme> NewProgrammes(List<Organisation> colleges)
    {
        var programmes = new List<Programme>();
        var offered = new HashSet<(Guid, string)>();
        var taughtMajors = _majorSkills.Select(g => g.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var created = _anchor.AddQuarters(-HistoryQuarters).Start.UtcDateTime;
        var perCollege = (ProgrammesPerScale * _scale + colleges.Count - 1) / colleges.Count;
        foreach (var college in colleges)
        {
            var clusterMajors = college.ClusterCodes.SelectMany(c => _clusterMajors[c]).Where(m => _majorSkills[m.MajorCode].Any()).ToList();
            for (var i = 0; i < perCollege && programmes.Count < ProgrammesPerScale * _scale; i++)
            {
                // Two in three programmes serve the college's own clusters; the rest are general majors.
                string major;
                var tries = 0;
                do
                {
                    major = clusterMajors.Count > 0 && _random.NextDouble() < 0.67 ? PickWeighted(clusterMajors, m => m.Weight).MajorCode : Pick(taughtMajors);
                } while (!offered.Add((college.Id, major)) && ++tries < 50);
                if (tries >= 50) continue;
                programmes.Add(Programme.Create(NextGuid(), college.Id, NewProgrammeDetails(major, college.RegionCode), created));
            }
        }
        return programmes;
    }

    private ProgrammeDetails NewProgrammeDetails(string major, string region)
    {
        var skills = _majorSkills[major].ToList();
        var moduleCount = Math.Clamp(skills.Count / 2, 2, 6);
        var modules = skills
            .Select((s, i) => (Skill: s, Module: i % moduleCount))
            .GroupBy(x => x.Module)
            .Select(g =>
            {
                var first = _skillNames[g.First().Skill.SkillCode];
                var name = $"{first}{ModuleKinds[g.Key % ModuleKinds.Length]}";
                var outcomes = "能够" + string.Join("、", g.Select(x => _skillNames[x.Skill.SkillCode])) + "，达到岗位要求。";
                return new CurriculumModule(name, 32 * _random.Next(1, 5), outcomes, g.Select(x => new ModuleSkill(x.Skill.SkillCode, x.Skill.Level)).ToList());
            })
            .ToList();
        var intake = _random.Next(40, 201);
        var plans = Enumerable.Range(_anchor.Year - 3, 6).Select(y => new EnrolmentPlan(y, (int)(intake * (0.9 + 0.2 * _random.NextDouble())))).ToList();
        // 高职专科 is three years: the graduates of year y entered in y - 3; about 9 in 10 complete.
        var cohorts = Enumerable.Range(_anchor.Year - 2, 5).Select(y =>
        {
            var expected = (int)(intake * (0.85 + 0.1 * _random.NextDouble()));
            int? actual = y < _anchor.Year ? (int)(expected * (0.93 + 0.06 * _random.NextDouble())) : null;
            return new GraduateCohort(y, expected, actual);
        }).ToList();
        return new ProgrammeDetails(major, _majorNames[major], EducationLevel.HigherVocational, region,
            $"{ShortName(region)}地区{_majorNames[major]}专业，面向本地产业集群培养技术技能人才。", modules, plans, cohorts);
    }

    private List<Demand> NewDemands(List<Organisation> enterprises)
    {
        var total = DemandsPerScale * _scale;
        var first = _anchor.AddQuarters(-(HistoryQuarters - 1));
        var quarters = Enumerable.Range(0, HistoryQuarters).Select(first.AddQuarters).ToList();
        var byCluster = enterprises.GroupBy(e => e.ClusterCodes[0]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Weight of (quarter, cluster): season times the cluster's growth since the first quarter.
        var cells = quarters.SelectMany((q, i) => byCluster.Keys.Select(c => (Quarter: q, Cluster: c,
            Weight: Seasonality[q.Number - 1] * Math.Pow(1 + ClusterGrowth.GetValueOrDefault(c, 0.05), i / 4.0) * _clusterOccupations[c].Count()))).ToList();
        var demands = new List<Demand>(total);
        for (var i = 0; i < total; i++)
        {
            var cell = PickWeighted(cells, c => c.Weight);
            var enterprise = Pick(byCluster[cell.Cluster]);
            demands.Add(NewDemand(enterprise, cell.Cluster, cell.Quarter));
        }
        return demands;
    }

    private Demand NewDemand(Organisation enterprise, string cluster, Quarter quarter)
    {
        var occupation = PickWeighted(_clusterOccupations[cluster].ToList(), o => o.Weight).OccupationCode;
        var linked = _occupationSkills[occupation].ToList();
        var skills = linked.Where(s => s.Essential || _random.NextDouble() < 0.5)
            .Select(s => new DemandSkill(s.SkillCode, s.Essential, _random.Next(1, 4))).ToList();
        if (skills.Count == 0 && linked.Count > 0) skills.Add(new DemandSkill(linked[0].SkillCode, true, 2));
        var region = _random.NextDouble() < 0.8 ? enterprise.RegionCode : PickWeighted(_clusterRegions[cluster].ToList(), r => r.Weight).RegionCode;
        var headcount = Math.Clamp((int)Math.Round(Math.Exp(_random.NextDouble() * 3.2)), 1, 40);
        var salaryMin = 3500 + 500 * _random.Next(0, 12);
        var modes = Enum.GetValues<CooperationModes>().Where(m => m != CooperationModes.None && _random.NextDouble() < 0.3)
            .Aggregate(CooperationModes.None, (all, m) => all | m);
        var start = quarter.Start.UtcDateTime;
        var span = (quarter == _anchor ? _end : quarter.End.UtcDateTime) - start;
        var createdAt = start + span * (_random.NextDouble() * 0.9);
        var neededBy = quarter.AddQuarters(_random.Next(0, 4));
        var occupationName = _occupationNames[occupation];
        var details = new DemandDetails(
            $"招聘{occupationName}{headcount}名",
            DemandText(occupationName, skills, region),
            occupation, region, headcount, _random.NextDouble() < 0.85 ? EducationLevel.HigherVocational : EducationLevel.SecondaryVocational,
            neededBy, salaryMin, salaryMin + 1000 * _random.Next(1, 6), modes, skills);
        var demand = Demand.Create(NextGuid(), enterprise.Id, details, createdAt);
        var byUser = Guid.Empty;
        if (quarter == _anchor && _random.NextDouble() < 0.1) return demand;
        var openedAt = createdAt + (_end - createdAt) * (_random.NextDouble() * 0.1);
        demand.Open(openedAt, byUser);
        // Demands of past quarters have closed by now: most filled, some withdrawn; a few remain open.
        var closeAt = openedAt.AddDays(_random.Next(30, 180));
        if (closeAt < _end && _random.NextDouble() < 0.95)
        {
            if (_random.NextDouble() < 0.7) demand.MarkFilled(closeAt, byUser);
            else demand.Close(closeAt, byUser);
        }
        return demand;
    }

    /// <summary>
    /// One or two bases per college and one per fourth enterprise. Capacity is stations × 8 h × 250 days; each base has
    /// its own typical use (35–95 %) that follows the school year: a full spring term, a quiet summer (Q3).
    /// </summary>
    private List<TrainingBase> NewTrainingBases(List<Organisation> colleges, List<Organisation> enterprises)
    {
        var quarters = Enumerable.Range(1, ResourceHistoryQuarters).Select(i => _anchor.AddQuarters(-i)).ToList();
        var bases = new List<TrainingBase>();
        void Add(Organisation owner, IReadOnlyList<string> clusters, IReadOnlyList<Guid> sharedWith)
        {
            var cluster = _clusters.First(c => c.Code == clusters[0]);
            var capacity = Pick(StationCounts) * 8 * 250;
            var typical = 0.35 + 0.6 * _random.NextDouble();
            var usage = quarters.Select(q => new QuarterUsage(q,
                (int)Math.Min(capacity / 4.0, capacity / 4.0 * typical * TermLoad[q.Number - 1] * (0.9 + 0.2 * _random.NextDouble())))).ToList();
            var name = UniqueName(() => $"{ShortName(owner.RegionCode)}{cluster.NameZh}{Pick(BaseWords)}（演示）");
            bases.Add(TrainingBase.Create(NextGuid(), owner.Id, new TrainingBaseDetails(name, NearSeat(owner.RegionCode), owner.RegionCode,
                clusters, capacity, usage, sharedWith)));
        }
        foreach (var college in colleges.Where(c => c.ClusterCodes.Count > 0))
        {
            for (var i = 0; i < 1 + _random.Next(2); i++)
            {
                var clusters = college.ClusterCodes.OrderBy(_ => _random.Next()).Take(1 + _random.Next(2)).ToList();
                var partners = enterprises.Where(e => e.RegionCode == college.RegionCode && clusters.Contains(e.ClusterCodes[0])).Take(_random.Next(3)).Select(e => e.Id).ToList();
                Add(college, clusters, partners);
            }
        }
        foreach (var enterprise in enterprises.Where((_, i) => i % 4 == 0))
        {
            var partners = colleges.Where(c => c.RegionCode == enterprise.RegionCode).Take(1 + _random.Next(2)).Select(c => c.Id).ToList();
            Add(enterprise, enterprise.ClusterCodes, partners);
        }
        return bases;
    }

    /// <summary>One or two mentors for every other enterprise, teaching skills of its cluster in programmes of the cluster's majors.</summary>
    private List<Mentor> NewMentors(List<Organisation> enterprises, List<Programme> programmes)
    {
        var mentors = new List<Mentor>();
        foreach (var enterprise in enterprises.Where((_, i) => i % 2 == 0))
        {
            var cluster = enterprise.ClusterCodes[0];
            var majors = _clusterMajors[cluster].Select(m => m.MajorCode).ToHashSet(StringComparer.Ordinal);
            var candidates = programmes.Where(p => majors.Contains(p.MajorCode)).OrderBy(p => p.CampusRegionCode == enterprise.RegionCode ? 0 : 1).Take(6).ToList();
            for (var i = 0; i < 1 + _random.Next(2); i++)
            {
                var occupation = PickWeighted(_clusterOccupations[cluster].ToList(), o => o.Weight).OccupationCode;
                var skills = _occupationSkills[occupation].OrderBy(_ => _random.Next()).Take(2 + _random.Next(3)).Select(s => s.SkillCode).ToList();
                if (skills.Count == 0) continue;
                var taught = candidates.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).Select(p => p.Id).ToList();
                var name = UniqueName(() => $"{Pick(Surnames)}{Pick(GivenNames)}（演示）");
                mentors.Add(Mentor.Create(NextGuid(), enterprise.Id, new MentorDetails(name, skills, taught, taught.Count * 16 * _random.Next(1, 6))));
            }
        }
        return mentors;
    }

    /// <summary>Two R&amp;D platforms per cluster, owned by a college or an enterprise of that cluster; the first college owns one.</summary>
    private List<RdPlatform> NewPlatforms(List<Organisation> colleges, List<Organisation> enterprises)
    {
        var platforms = new List<RdPlatform>();
        foreach (var cluster in _clusters)
        {
            var owners = colleges.Where(c => c.ClusterCodes.Contains(cluster.Code)).Concat(enterprises.Where(e => e.ClusterCodes[0] == cluster.Code)).ToList();
            if (platforms.Count == 0 && colleges.Count > 0 && colleges[0].ClusterCodes.Contains(cluster.Code)) owners.Insert(0, colleges[0]);
            for (var i = 0; i < Math.Min(2, owners.Count); i++)
            {
                var owner = i == 0 ? owners[0] : Pick(owners);
                var kind = Pick(Enum.GetValues<PlatformKind>());
                var name = UniqueName(() => $"{ShortName(owner.RegionCode)}{cluster.NameZh}{PlatformWords[kind]}（演示）");
                platforms.Add(RdPlatform.Create(NextGuid(), owner.Id, new RdPlatformDetails(name, kind, [cluster.Code], NearSeat(owner.RegionCode), owner.RegionCode)));
            }
        }
        return platforms;
    }

    /// <summary>A point around the region's seat, inside its 盟市 (see <see cref="MapPlacement"/>).</summary>
    private GeoPoint NearSeat(string regionCode)
    {
        var seat = _regions[regionCode];
        return MapPlacement.Offset(regionCode, new GeoPoint(seat.Longitude, seat.Latitude), _random.NextDouble(), _random.NextDouble());
    }

    private string DemandText(string occupationName, List<DemandSkill> skills, string region)
    {
        var essential = skills.Where(s => s.Essential).Select(s => _skillNames[s.SkillCode]).ToList();
        var optional = skills.Where(s => !s.Essential).Select(s => _skillNames[s.SkillCode]).ToList();
        var text = $"{_regions[region].Name}{occupationName}岗位。岗位要求：熟悉{string.Join("、", essential)}";
        if (optional.Count > 0) text += $"；具备{string.Join("、", optional)}经验者优先";
        return text + "。";
    }

    private string IndustryWord(IndustryCluster cluster) => cluster.Code switch
    {
        "NE-WIND" => "风电", "NE-SOLAR" => "光伏", "NE-HYDROGEN" => "氢能", "NE-STORAGE" => "储能", "RARE-EARTH" => "稀土材料",
        "GREEN-COMPUTE" => "数据科技", "COAL-CHEM" => "煤化工", "HIGH-EQUIP" => "装备制造", "AGRI-LIVESTOCK" => "农牧",
        "BIOMED" => "生物医药", "LOW-ALTITUDE" => "低空科技", "LOGISTICS" => "物流",
        _ => cluster.NameZh.Length > 4 ? cluster.NameZh[..4] : cluster.NameZh,
    };

    private string ShortName(string regionCode)
    {
        var name = _regions[regionCode].Name;
        return name.EndsWith('市') || name.EndsWith('盟') ? name[..^1] : name;
    }

    private string UniqueName(Func<string> make)
    {
        for (var i = 0; ; i++)
        {
            var name = make();
            if (i > 20) name = name.Replace("（演示）", $"{i}（演示）", StringComparison.Ordinal);
            if (_usedNames.Add(name)) return name;
        }
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = _random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }
}
