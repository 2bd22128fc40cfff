using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Readout.Web.Api;

/// <summary>Decides whether a request may write: only when the server has a token and the request
/// carries it as <c>Authorization: Bearer TOKEN</c> (compared in constant time).</summary>
internal sealed class WriteGate(string? token)
{
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public bool Enabled => _token is not null;

    /// <returns>Null when allowed; else the problem response (403 disabled, 401 missing or wrong token).</returns>
    public IResult? Check(HttpRequest request)
    {
        if (_token is null)
        {
            return Results.Problem(
                "Ingestion is disabled: this server was started without an API token (readout serve --api-token or READOUT_API_TOKEN).",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        string header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), _token))
        {
            return null;
        }

        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            header.Length == 0 ? "This endpoint requires 'Authorization: Bearer <token>'." : "The bearer token is not valid.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }
}
