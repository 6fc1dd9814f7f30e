using System.Collections.Frozen;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using FluentValidation;

namespace ChainLink.Application.Common;

/// <summary>
/// The names FluentValidation's own messages give a field ("'学历层次' 的值范围不包含 '0'。"): Chinese when the request's
/// culture is Chinese, FluentValidation's English ("Education Level") otherwise. One table for every validator, keyed by
/// the record's property name, so a field is called the same everywhere; the errors' keys stay the JSON paths.
/// </summary>
public static class FieldDisplayNames
{
    private static readonly FrozenDictionary<string, string> Chinese = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Actual"] = "实际毕业人数",
        ["Action"] = "操作",
        ["Alias"] = "别名",
        ["Box"] = "信箱",
        ["CampusRegionCode"] = "校区所在地区代码",
        ["CapacityHoursPerYear"] = "每年可提供的工位学时",
        ["Cluster"] = "产业集群",
        ["ClusterCodes"] = "产业集群代码",
        ["Code"] = "代码",
        ["Cohorts"] = "毕业届次",
        ["ContactPhone"] = "联系电话",
        ["CooperationModes"] = "合作方式",
        ["CurrentPassword"] = "当前密码",
        ["Description"] = "描述",
        ["Disabled"] = "是否停用",
        ["EducationLevel"] = "学历层次",
        ["Email"] = "邮箱",
        ["EnrolmentPlans"] = "招生计划",
        ["EntityKind"] = "记录类型",
        ["Expected"] = "预计毕业人数",
        ["Field"] = "字段",
        ["Format"] = "格式",
        ["From"] = "起始修订版本",
        ["Headcount"] = "招聘人数",
        ["Hours"] = "学时",
        ["HoursTaught"] = "授课学时",
        ["Input"] = "输入",
        ["Kind"] = "类型",
        ["Latitude"] = "纬度",
        ["Layer"] = "图层",
        ["LearningOutcomes"] = "学习成果",
        ["Level"] = "等级",
        ["Longitude"] = "经度",
        ["Major"] = "专业",
        ["MajorCode"] = "专业代码",
        ["Message"] = "留言",
        ["Modes"] = "合作方式",
        ["Modules"] = "课程模块",
        ["Name"] = "名称",
        ["NeededBy"] = "到岗季度",
        ["NewPassword"] = "新密码",
        ["Note"] = "说明",
        ["Occupation"] = "职业",
        ["OccupationCode"] = "职业代码",
        ["Organisation"] = "机构",
        ["OrganisationName"] = "机构名称",
        ["Page"] = "页码",
        ["PageNumber"] = "页码",
        ["PageSize"] = "每页条数",
        ["Password"] = "密码",
        ["Planned"] = "计划招生人数",
        ["Problem"] = "问题",
        ["ProgrammeIds"] = "专业点",
        ["Q"] = "关键词",
        ["Quarter"] = "季度",
        ["Reason"] = "原因",
        ["RefreshToken"] = "刷新令牌",
        ["Region"] = "地区",
        ["RegionCode"] = "地区代码",
        ["Revision"] = "修订版本",
        ["SalaryMax"] = "最高月薪",
        ["SalaryMin"] = "最低月薪",
        ["SharedWith"] = "共享机构",
        ["SkillCode"] = "技能代码",
        ["SkillCodes"] = "技能代码",
        ["Skills"] = "技能",
        ["Status"] = "状态",
        ["Text"] = "文本",
        ["Title"] = "标题",
        ["To"] = "目标修订版本",
        ["ToOrganisationId"] = "对方机构",
        ["Top"] = "条数",
        ["Type"] = "类型",
        ["Usage"] = "使用情况",
        ["Version"] = "版本号",
        ["Year"] = "年份",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Installs the resolver; FluentValidation asks it at each validation, so the request's culture decides.</summary>
    public static void Install() => ValidatorOptions.Global.DisplayNameResolver = Resolve;

    /// <summary>The Chinese name under a Chinese culture; null leaves FluentValidation's own name.</summary>
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : ChineseName(member.Name);

    /// <summary>For rules whose property name is overridden (no member to resolve): the Chinese name, else the given one.</summary>
    public static string For(string propertyName) => ChineseName(propertyName) ?? propertyName;

    private static string? ChineseName(string propertyName) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && Chinese.TryGetValue(propertyName, out var name) ? name : null;
}
