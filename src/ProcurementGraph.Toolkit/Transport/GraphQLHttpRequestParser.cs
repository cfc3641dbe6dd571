using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Turns a POST body or GET query string into a <see cref="GraphQLRequest"/>, checking the shape the
/// GraphQL-over-HTTP spec requires. Every failure becomes a <see cref="GraphQLHttpError"/>, never an exception.
/// </summary>
internal static class GraphQLHttpRequestParser
{
    private const string QueryKey = "query";
    private const string OperationNameKey = "operationName";
    private const string VariablesKey = "variables";
    private const string ExtensionsKey = "extensions";
    private const string DocumentIdKey = "documentId";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses a JSON request body (<c>{query, operationName, variables, extensions, documentId}</c>).</summary>
    public static GraphQLHttpError? TryParseBody(ReadOnlyMemory<byte> body, IGraphQLTextSerializer serializer, out GraphQLRequest? request)
    {
        request = null;
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return GraphQLHttpError.RequestInvalid("The request body is empty.");
        }

        if (!Utf8.IsValid(body.Span))
        {
            return GraphQLHttpError.SyntaxError("The request body is not valid UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return GraphQLHttpError.SyntaxError($"The request body is not valid JSON: {ex.Message}");
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return GraphQLHttpError.RequestInvalid("The request body must be a JSON object.");
            }

            string? query = null, operationName = null, documentId = null;
            Inputs? variables = null, extensions = null;
            foreach (var property in json.RootElement.EnumerateObject())
            {
                var error = property.Name switch
                {
                    QueryKey => ReadString(property, out query),
                    OperationNameKey => ReadString(property, out operationName),
                    DocumentIdKey => ReadString(property, out documentId),
                    VariablesKey => ReadMap(property.Name, property.Value, serializer, out variables),
                    ExtensionsKey => ReadMap(property.Name, property.Value, serializer, out extensions),
                    _ => null, // unknown members are ignored
                };
                if (error is not null)
                {
                    return error;
                }
            }

            return Create(query, operationName, documentId, variables, extensions, out request);
        }
    }

    /// <summary>Parses the parameters of a GET request; <c>variables</c> and <c>extensions</c> are JSON texts.</summary>
    public static GraphQLHttpError? TryParseQueryString(IQueryCollection parameters, IGraphQLTextSerializer serializer, out GraphQLRequest? request)
    {
        request = null;
        if (ReadParameter(parameters, QueryKey, out var query) is { } queryError)
        {
            return queryError;
        }

        if (ReadParameter(parameters, OperationNameKey, out var operationName) is { } operationNameError)
        {
            return operationNameError;
        }

        if (ReadParameter(parameters, DocumentIdKey, out var documentId) is { } documentIdError)
        {
            return documentIdError;
        }

        if (ReadJsonParameter(parameters, VariablesKey, serializer, out var variables) is { } variablesError)
        {
            return variablesError;
        }

        if (ReadJsonParameter(parameters, ExtensionsKey, serializer, out var extensions) is { } extensionsError)
        {
            return extensionsError;
        }

        return Create(query, operationName, documentId, variables, extensions, out request);
    }

    private static GraphQLHttpError? Create(
        string? query, string? operationName, string? documentId, Inputs? variables, Inputs? extensions, out GraphQLRequest? request)
    {
        request = null;
        query = string.IsNullOrEmpty(query) ? null : query;
        documentId = string.IsNullOrEmpty(documentId) ? null : documentId;
        if (query is null && documentId is null && !TrustedDocuments.PersistedQueryExtension.IsPresent(extensions))
        {
            return GraphQLHttpError.QueryAndIdMissing();
        }

        request = new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            DocumentId = documentId,
            Variables = variables,
            Extensions = extensions,
        };
        return null;
    }

    private static GraphQLHttpError? ReadString(JsonProperty property, out string? value)
    {
        value = null;
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                value = property.Value.GetString();
                return null;
            case JsonValueKind.Null:
                return null;
            default:
                return GraphQLHttpError.RequestInvalid($"The parameter `{property.Name}` must be a string or null.");
        }
    }

    private static GraphQLHttpError? ReadMap(string name, JsonElement element, IGraphQLTextSerializer serializer, out Inputs? value)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Object:
                try
                {
                    value = serializer.Deserialize<Inputs>(element.GetRawText());
                    return null;
                }
                catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidOperationException)
                {
                    return GraphQLHttpError.RequestInvalid($"The parameter `{name}` could not be read: {ex.Message}");
                }

            default:
                return GraphQLHttpError.RequestInvalid($"The parameter `{name}` must be a JSON object or null.");
        }
    }

    private static GraphQLHttpError? ReadParameter(IQueryCollection parameters, string name, out string? value)
    {
        value = null;
        if (!parameters.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            return GraphQLHttpError.RequestInvalid($"The parameter `{name}` must not be given more than once.");
        }

        value = string.IsNullOrEmpty(values[0]) ? null : values[0];
        return null;
    }

    private static GraphQLHttpError? ReadJsonParameter(IQueryCollection parameters, string name, IGraphQLTextSerializer serializer, out Inputs? value)
    {
        value = null;
        if (ReadParameter(parameters, name, out var text) is { } error)
        {
            return error;
        }

        if (text is null)
        {
            return null;
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return GraphQLHttpError.SyntaxError($"The parameter `{name}` is not valid JSON: {ex.Message}");
        }

        using (json)
        {
            return ReadMap(name, json.RootElement, serializer, out value);
        }
    }
}
