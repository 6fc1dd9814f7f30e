using FluentValidation;

namespace ChainLink.Api.Infrastructure;

/// <summary>
/// Validation for the few request bodies that do not travel through the Mediator pipeline (the framework's own
/// sign-in records): the filter runs the registered validator before the handler, so a bad body is a 400 naming the
/// field instead of an exception inside Identity.
/// </summary>
internal static class RequestValidation
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
            foreach (var request in context.Arguments.OfType<T>())
            {
                var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
                if (!result.IsValid) throw new ValidationException(result.Errors);
            }
            return await next(context);
        }).ProducesValidationProblem();
}
