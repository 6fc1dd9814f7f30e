namespace ChainLink.Domain.Common;

/// <summary>Levels of vocational education: 中职, 高职专科, 职业本科.</summary>
public enum EducationLevel
{
    SecondaryVocational = 1,
    HigherVocational = 2,
    VocationalBachelor = 3,
}
