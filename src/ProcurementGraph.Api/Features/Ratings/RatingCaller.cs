using Microsoft.Extensions.Options;
using ProcurementGraph.Api.Security;
using ProcurementGraph.Toolkit.Mutations;

namespace ProcurementGraph.Api.Features.Ratings;

/// <summary>The rater as ratings record them: name, e-mail and business unit code from the token.</summary>
internal sealed record RatingCaller(string Name, string Email, string? BusinessUnitCode)
{
    private static readonly string[] EmailClaims = ["email", "preferred_username", "upn", "unique_name"];

    public static RatingCaller From(MutationContext mutation)
    {
        var options = mutation.Field.RequestServices!.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var caller = ProcurementCaller.From(mutation.User, options);
        var email = EmailClaims.Select(c => mutation.User.FindFirst(c)?.Value).FirstOrDefault(v => v is not null && v.Contains('@', StringComparison.Ordinal));
        var name = caller.Name ?? email ?? "unknown";
        return new RatingCaller(Fit(name, 200), Fit(email ?? name, 254), caller.BusinessUnit);
    }

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..length];
}
