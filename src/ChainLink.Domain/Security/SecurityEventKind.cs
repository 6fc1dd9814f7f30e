namespace ChainLink.Domain.Security;

/// <summary>What happened to an account; stored by name, so new kinds never renumber old rows.</summary>
public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    SignInThrottled,
    Logout,
    RefreshTokenReused,
    PasswordChanged,
    Registered,
    RegistrationWithExistingEmail,
    OrganisationApproved,
    OrganisationRejected,
    UserDisabled,
    UserEnabled,
}
