namespace ChainLink.Domain.Common;

/// <summary>Levels of vocational education: 中职, 高职专科, 职业本科.</summary>
public enum EducationLevel
{
    SecondaryVocational = 1,
    HigherVocational = 2,
    VocationalBachelor = 3,
}

public static class EducationLevelNames
{
    /// <summary>The level's name as the national major catalogue writes it.</summary>
    public static string Chinese(EducationLevel level) => level switch
    {
        EducationLevel.SecondaryVocational => "中职",
        EducationLevel.HigherVocational => "高职专科",
        EducationLevel.VocationalBachelor => "职业本科",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an education level."),
    };
}
