namespace ProcurementGraph.Api.Hosting;

/// <summary>The <c>Cors</c> configuration section: which browser origins may call <c>/graphql</c> (see <see cref="CrossOriginRegistration"/>).</summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Origins (<c>https://app.contoso.com</c>, <c>http://localhost:3000</c>, <c>https://*.contoso.com</c>, or <c>*</c> for
    /// any). Unset: none outside Development; in Development every loopback origin (<c>http(s)://localhost|127.0.0.1|[::1]</c>, any port).
    /// </summary>
    public string[]? AllowedOrigins { get; set; }

    /// <summary>Request headers a page may send besides the safelisted ones (<c>*</c> for any).</summary>
    public string[]? AllowedHeaders { get; set; }

    /// <summary>Let pages send cookies or HTTP authentication (<c>credentials: 'include'</c>); bearer tokens need no credentials.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long a browser may keep a preflight's answer (<c>Access-Control-Max-Age</c>).</summary>
    public int MaxAgeSeconds { get; set; } = 600;
}
