namespace ChainLink.Domain.Cooperation;

/// <summary>
/// The body a cooperation runs as when it is more than a signed agreement (实体运作): one with its own budget and staff.
/// An agreement without one is 协议合作.
/// </summary>
public enum CooperationEntityKind
{
    /// <summary>独立法人</summary>
    LegalPerson = 1,
    /// <summary>产业学院</summary>
    IndustryCollege = 2,
    /// <summary>联合实验室</summary>
    JointLab = 3,
    /// <summary>实训基地</summary>
    TrainingBase = 4,
}
