using System.Security.Claims;
using ChainLink.Application.Common;
using ChainLink.Infrastructure.Identity;

namespace ChainLink.Api.Infrastructure;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? OrganisationId => Guid.TryParse(Principal?.FindFirstValue(ChainLinkClaims.Organisation), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
