using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Api.Tests.Hardening.Fuzzing;

/// <summary>
/// Generates GraphQL-over-HTTP requests from the live schema (its root fields, arguments, input types and enums), then
/// mutates a share of them: truncated or garbled documents, wrong variable types, random unicode, huge and negative
/// numbers, garbage cursors and IDs, broken envelopes. Deterministic for a seed. Page sizes are kept small so the
/// requests that run stay cheap.
/// </summary>
public sealed class SchemaFuzzer
{
    private const int MaxSelectionDepth = 3;
    private const int MaxInputDepth = 3;

    private static readonly string[] Accepts = ["application/graphql-response+json", "application/json", "*/*", null!];

    private static readonly string[] Snippets =
    [
        "{", "}", "[", "]", "(", ")", "$", "@", "!", ":", "\"", "\\", "...", "#", "=", "|", "&", ",", "\u0000", "\uFEFF",
        "query", "mutation", "subscription", "fragment", "on", "null", "true", "__typename", "__schema", "@skip(if: true)",
        "\u202E", "\uD83D\uDE00", "\uD800", "é", "\r\n", "\t", "1e400", "-0", "9999999999999999999999", "\"\"\"",
    ];

    private readonly Random _random;
    private readonly ISchema _schema;
    private readonly List<IObjectGraphType> _nodeTypes;
    private readonly List<FieldType> _rootFields;
    private readonly bool _mutations;

    /// <summary>A generator of queries, or of mutations when <paramref name="mutations"/> (the Mutation type's fields).</summary>
    public SchemaFuzzer(ISchema schema, int seed, bool mutations = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Initialize();
        _schema = schema;
        _random = new Random(seed);
        _mutations = mutations;
        var root = mutations ? schema.Mutation ?? throw new ArgumentException("The schema has no Mutation type.", nameof(schema)) : schema.Query;
        _rootFields = [.. root.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal))];
        _nodeTypes = [.. schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node"))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The root fields the generator draws from.</summary>
    public IReadOnlyList<string> RootFields => [.. _rootFields.Select(f => f.Name)];

    public IEnumerable<FuzzCase> Generate(int count)
    {
        for (var number = 0; number < count; number++)
        {
            yield return Next(number);
        }
    }

    /// <summary>A generated operation and the types of its variables, reused with fresh variable values.</summary>
    private sealed record Template(string Document, string? OperationName, List<(string Name, IGraphType Type)> Variables)
    {
        /// <summary>The first variable values: reuses keep their structure (the SQL's shape) with new scalar values.</summary>
        public JsonObject? First { get; set; }
    }

    private readonly List<Template> _templates = [];

    private FuzzCase Next(int number)
    {
        // A new operation one time in ten; otherwise one generated before with new variable values. Variables are SQL
        // parameters, so reused operations are cheap (EF Core's query cache) and the run stays short.
        Template template;
        if (_templates.Count == 0 || _random.NextDouble() < NewOperationShare)
        {
            var types = new List<(string Name, IGraphType Type)>();
            var definitions = new List<string>();
            var text = Document(types, definitions, out var name);
            template = new Template(text, name, types);
            _templates.Add(template);
        }
        else
        {
            template = Pick(_templates);
        }

        var variables = new JsonObject();
        foreach (var (name, type) in template.Variables)
        {
            variables[name] = template.First is { } first ? Revalue(first[name], type) : JsonValueOf(type, 0);
        }

        template.First ??= (JsonObject)variables.DeepClone();

        var document = template.Document;
        var operationName = template.OperationName;
        var kind = "valid";

        var roll = _random.NextDouble();
        if (roll < 0.25)
        {
            document = MutateDocument(document);
            kind = "document";
        }
        else if (roll < 0.45 && variables.Count > 0)
        {
            MutateVariables(variables);
            kind = "variables";
        }
        else if (roll < 0.50)
        {
            return Envelope(number);
        }
        else if (roll < 0.53)
        {
            return Amplified(number);
        }

        var accept = Pick(Accepts);
        var sendOperationName = _random.NextDouble() < 0.9 ? operationName : RandomName();
        if (_random.NextDouble() < 0.2 && document.Length < 3000)
        {
            var parameters = new List<string> { "query=" + Uri.EscapeDataString(document) };
            if (variables.Count > 0)
            {
                parameters.Add("variables=" + Uri.EscapeDataString(variables.ToJsonString()));
            }

            if (sendOperationName is not null)
            {
                parameters.Add("operationName=" + Uri.EscapeDataString(sendOperationName));
            }

            return new FuzzCase(number, kind + "/get", null, "?" + string.Join("&", parameters), accept);
        }

        var body = new JsonObject { ["query"] = document };
        if (variables.Count > 0 || _random.NextDouble() < 0.1)
        {
            body["variables"] = variables;
        }

        if (sendOperationName is not null)
        {
            body["operationName"] = sendOperationName;
        }

        return new FuzzCase(number, kind, Encoding.UTF8.GetBytes(body.ToJsonString(Json)), null, accept);
    }

    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 256 };

    /// <summary>
    /// A document built to cost CPU before execution, at a random size up to the body limit: one selection repeated, many
    /// fragments or inline fragments selecting the same field, a repeated or aliased root field, a fragment bomb, many
    /// operations or directives. Each must be answered (refused by a document limit, or validated in linear time).
    /// </summary>
    private FuzzCase Amplified(int number)
    {
        var size = Pick([10, 300, 2_000, 2_049, 5_000, 40_000]);
        string Many(Func<int, string> item) => string.Concat(Enumerable.Range(0, size).Select(item));
        var (shape, document) = _random.Next(8) switch
        {
            0 => ("repeat", "{ " + Many(_ => "__typename ") + "}"),
            1 => ("fragments", "{ " + Many(i => $"...F{i} ") + "} " + Many(i => $"fragment F{i} on Query {{ __typename }} ")),
            2 => ("inline", "{ " + Many(_ => "... on Query { __typename } ") + "}"),
            3 => ("aliases", "{ " + Many(i => $"a{i}: __typename ") + "}"),
            4 => ("bomb", "{ ...B" + Math.Min(size, 12) + " } fragment B0 on Query { __typename } "
                + string.Concat(Enumerable.Range(0, Math.Min(size, 12)).Select(i => $"fragment B{i + 1} on Query {{ ...B{i} ...B{i} ...B{i} }} "))),
            5 => ("operations", Many(i => $"query Q{i} {{ __typename }} ")),
            6 => ("directives", "{ __typename" + Many(_ => " @skip(if: false)") + " }"),
            _ => ("spreads", "{ " + Many(_ => "...F ") + "} fragment F on Query { __typename }"),
        };
        var body = new JsonObject { ["query"] = document };
        if (shape == "operations")
        {
            body["operationName"] = "Q0";
        }

        return new FuzzCase(number, "amplified/" + shape, Encoding.UTF8.GetBytes(body.ToJsonString(Json)), null, Pick(Accepts));
    }

    private const double NewOperationShare = 0.1;

    private string Document(List<(string Name, IGraphType Type)> variables, List<string> definitions, out string? operationName)
    {
        var fields = new List<string>();
        var roots = _random.NextDouble() < 0.8 ? 1 : 2 + _random.Next(4);
        for (var i = 0; i < roots; i++)
        {
            var field = Pick(_rootFields);
            var alias = i > 0 || _random.NextDouble() < 0.1 ? $"r{i}: " : "";
            fields.Add(alias + Field(field, 1, variables, definitions));
        }

        operationName = _random.NextDouble() < 0.6 ? "Op" + _random.Next(1000).ToString(CultureInfo.InvariantCulture) : null;
        var keyword = _mutations ? "mutation" : "query";
        var header = definitions.Count > 0 || operationName is not null || _mutations
            ? $"{keyword} {operationName}{(definitions.Count > 0 ? "(" + string.Join(", ", definitions) + ")" : "")} "
            : "";
        return header + "{ " + string.Join(" ", fields) + " }";
    }

    private string Field(FieldType field, int depth, List<(string Name, IGraphType Type)> variables, List<string> definitions)
    {
        var arguments = field.Arguments is { Count: > 0 } ? Arguments(field.Arguments, variables, definitions) : "";
        var type = Unwrap(field.ResolvedType!);
        return type switch
        {
            IComplexGraphType complex when depth < MaxSelectionDepth => $"{field.Name}{arguments} {{ {Selection(complex, depth + 1, variables, definitions)} }}",
            IComplexGraphType or IAbstractGraphType => $"{field.Name}{arguments} {{ __typename }}",
            _ => field.Name + arguments,
        };
    }

    private string Selection(IGraphType type, int depth, List<(string Name, IGraphType Type)> variables, List<string> definitions)
    {
        if (type is IAbstractGraphType abstractType)
        {
            var possible = abstractType.PossibleTypes.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            var target = possible.Count > 0 ? Pick(possible) : null;
            var own = type is IComplexGraphType { Fields.Count: > 0 } complexAbstract ? Fields(complexAbstract, depth, variables, definitions) : "__typename";
            return target is null ? own : $"{own} ... on {target.Name} {{ {Fields(target, depth, variables, definitions)} }}";
        }

        return Fields((IComplexGraphType)type, depth, variables, definitions);
    }

    private string Fields(IComplexGraphType type, int depth, List<(string Name, IGraphType Type)> variables, List<string> definitions)
    {
        var fields = type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        var count = 1 + _random.Next(Math.Min(3, fields.Count));
        var chosen = new List<string>();
        var prefix = type is IObjectGraphType ? "f" : "i"; // an interface's own fields and a fragment's never share a name
        for (var i = 0; i < count; i++)
        {
            var field = Pick(fields);
            chosen.Add($"{prefix}{depth}_{i}: " + Field(field, depth, variables, definitions));
        }

        return string.Join(" ", chosen);
    }

    private string Arguments(QueryArguments arguments, List<(string Name, IGraphType Type)> variables, List<string> definitions)
    {
        var parts = new List<string>();
        foreach (var argument in arguments)
        {
            var required = argument.ResolvedType is NonNullGraphType;
            if (!required && _random.NextDouble() < 0.5)
            {
                continue;
            }

            if (_random.NextDouble() < 0.5)
            {
                var name = "v" + definitions.Count.ToString(CultureInfo.InvariantCulture);
                definitions.Add($"${name}: {TypeName(argument.ResolvedType!)}");
                variables.Add((name, argument.ResolvedType!));
                parts.Add($"{argument.Name}: ${name}");
            }
            else
            {
                parts.Add($"{argument.Name}: {Literal(argument.ResolvedType!, 0)}");
            }
        }

        return parts.Count > 0 ? "(" + string.Join(", ", parts) + ")" : "";
    }

    // ---- values: GraphQL literals and JSON variables of (mostly) the right type

    private string Literal(IGraphType type, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Literal(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                var items = Enumerable.Range(0, _random.Next(4)).Select(_ => Literal(list.ResolvedType!, depth + 1));
                return "[" + string.Join(", ", items) + "]";
            case EnumerationGraphType enumeration:
                return EnumValue(enumeration);
            case IInputObjectGraphType input:
                return "{ " + string.Join(", ", InputFields(input, depth).Select(f => $"{f.Name}: {Literal(f.ResolvedType!, depth + 1)}")) + " }";
            default:
                return ScalarValue(type.Name) switch
                {
                    null => "null",
                    string s => JsonSerializer.Serialize(s),
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString()!,
                };
        }
    }

    private JsonNode? JsonValueOf(IGraphType type, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return JsonValueOf(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                var array = new JsonArray();
                for (var i = _random.Next(4); i > 0; i--)
                {
                    array.Add(JsonValueOf(list.ResolvedType!, depth + 1));
                }

                return array;
            case EnumerationGraphType enumeration:
                return EnumValue(enumeration);
            case IInputObjectGraphType input:
                var obj = new JsonObject();
                foreach (var field in InputFields(input, depth))
                {
                    obj[field.Name] = JsonValueOf(field.ResolvedType!, depth + 1);
                }

                return obj;
            default:
                return ScalarValue(type.Name) switch
                {
                    null => null,
                    string s => s,
                    bool b => b,
                    int i => i,
                    long l => l,
                    double d when double.IsFinite(d) => d,
                    double => "NaN",
                    decimal m => m,
                    var other => other.ToString(),
                };
        }
    }

    /// <summary>A value of the same structure as <paramref name="value"/> (fields, list lengths, enum values) with new scalars.</summary>
    private JsonNode? Revalue(JsonNode? value, IGraphType type)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Revalue(value, nonNull.ResolvedType!);
            case ListGraphType list when value is JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Revalue(item, list.ResolvedType!));
                }

                return items;
            case ListGraphType list:
                return Revalue(value, list.ResolvedType!);
            case IInputObjectGraphType input when value is JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, fieldValue) in obj)
                {
                    copy[name] = input.GetField(name) is { } field ? Revalue(fieldValue, field.ResolvedType!) : fieldValue?.DeepClone();
                }

                return copy;
            case EnumerationGraphType or IInputObjectGraphType:
                return value?.DeepClone();
            default:
                return value is null ? null : JsonValueOf(type, 0);
        }
    }

    private List<FieldType> InputFields(IInputObjectGraphType input, int depth)
    {
        var fields = input.Fields.ToList();
        var required = fields.Where(f => f.ResolvedType is NonNullGraphType).ToList();
        var optional = fields.Except(required).Where(f => depth < MaxInputDepth || Unwrap(f.ResolvedType!) is not IInputObjectGraphType).ToList();
        var chosen = new List<FieldType>(required);
        for (var i = _random.Next(Math.Min(3, optional.Count + 1)); i > 0 && optional.Count > 0; i--)
        {
            var field = Pick(optional);
            optional.Remove(field);
            chosen.Add(field);
        }

        return chosen;
    }

    private string EnumValue(EnumerationGraphType enumeration)
    {
        var values = enumeration.Values.Select(v => v.Name).ToList();
        return _random.NextDouble() < 0.9 && values.Count > 0 ? Pick(values) : Pick(["NOPE", "asc", "Low", "ACTIVE_", "_"]);
    }

    /// <summary>A value for a scalar by its name: mostly cheap and valid, sometimes out of range or garbage.</summary>
    private object? ScalarValue(string scalar)
    {
        var odd = _random.NextDouble() < 0.15;
        return scalar switch
        {
            "Int" or "Long" => odd ? Pick<object>([-1, -2147483648, 2147483647, 51, 1001, 0, 3000000000L]) : _random.Next(0, 4),
            "Float" => odd ? Pick<object>([1e308, -1e308, double.NaN, -0.0, 1e-320]) : Math.Round(_random.NextDouble() * 100, 2),
            "Boolean" => odd ? Pick<object>(["true", 1, null!]) : _random.NextDouble() < 0.5,
            "ID" => odd ? GarbageString() : GlobalIdValue(),
            "LocalDate" or "Date" => odd ? Pick(["2020-13-45", "2026-02-30", "yesterday", "", "0000-01-01", "9999-12-31"]) : $"20{_random.Next(20, 30)}-0{_random.Next(1, 10)}-1{_random.Next(0, 10)}",
            "UUID" => odd ? GarbageString() : new Guid(_random.Next(), 0, 0, new byte[8]).ToString(),
            "String" => StringValue(odd),
            "DateTime" => odd ? GarbageString() : "2026-06-30T12:00:00Z",
            _ when scalar.Contains("Decimal", StringComparison.Ordinal) => odd ? Pick<object>(["1e400", 1e300, "abc", -79228162514264337593543950336.0]) : (decimal)Math.Round(_random.NextDouble() * 100000, 2),
            _ => odd ? GarbageString() : _random.Next(0, 10),
        };
    }

    private string StringValue(bool odd)
    {
        if (!odd)
        {
            return Pick(["a", "tech", "CT-000001", "SG-2026-01", "IT", "MRO.SPARE.BEAR", "BU-OPS", "DE", "Acme", "ö", "%", "_"]);
        }

        return _random.Next(4) switch
        {
            0 => GarbageString(),
            1 => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[] { RandomUnicode(5), _random.Next() }))),
            2 => new string('x', _random.Next(900, 1200)),
            _ => RandomUnicode(_random.Next(1, 20)),
        };
    }

    private string GlobalIdValue()
    {
        var type = _nodeTypes.Count > 0 ? Pick(_nodeTypes).Name : "Supplier";
        return GlobalId.Encode(type, _random.Next(-1, 700));
    }

    private string GarbageString() => Pick(
    [
        "", "garbage", "%%%", "=", "U3VwcGxpZXI6", "U3VwcGxpZXI6eHg=", "Q29udHJhY3Q6LTE=", "W10=", "WyJhIl0=", "eyJhIjoxfQ==",
        "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW10=", "OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "\u0000", "\uD800", RandomUnicode(8),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Supplier:99999999999999999999")), Convert.ToBase64String(Encoding.UTF8.GetBytes(":")),
    ]);

    // ---- mutations

    private string MutateDocument(string document)
    {
        var operations = 1 + _random.Next(3);
        for (var i = 0; i < operations && document.Length > 0; i++)
        {
            var at = _random.Next(document.Length + 1);
            document = _random.Next(7) switch
            {
                0 => document[..at], // truncated
                1 => document.Insert(at, RandomUnicode(1 + _random.Next(4))),
                2 => document.Insert(at, Pick(Snippets)),
                3 => at < document.Length ? document.Remove(at, Math.Min(document.Length - at, 1 + _random.Next(10))) : document,
                4 => document.Insert(at, document[at..Math.Min(document.Length, at + 1 + _random.Next(40))]), // a span repeated
                5 => string.Concat(Enumerable.Repeat("{ a: ", _random.Next(1, 80))) + document, // nested
                _ => document.Replace(" {", " { " + RandomName() + " ", StringComparison.Ordinal),
            };
        }

        return document;
    }

    private void MutateVariables(JsonObject variables)
    {
        var names = variables.Select(v => v.Key).ToList();
        var name = Pick(names);
        variables[name] = WrongValue();
        if (_random.NextDouble() < 0.2)
        {
            variables[RandomName()] = WrongValue(); // an undeclared variable
        }
    }

    private JsonNode? WrongValue() => _random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(RandomUnicode(6)),
        2 => JsonValue.Create(99999999999999999999m),
        3 => JsonValue.Create(-1),
        4 => new JsonObject { ["nope"] = 1 },
        5 => new JsonArray(1, "a", null),
        6 => JsonValue.Create(true),
        7 => JsonValue.Create(1.5),
        8 => JsonValue.Create(GarbageString()),
        _ => Nested(_random.Next(1, 40)),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject { ["name"] = new JsonObject { ["eq"] = "x" } };
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["and"] = new JsonArray(node) };
        }

        return node;
    }

    /// <summary>A broken request envelope: random bytes, JSON of the wrong shape, parameters of the wrong type.</summary>
    private FuzzCase Envelope(int number)
    {
        byte[] body = _random.Next(8) switch
        {
            0 => RandomBytes(1 + _random.Next(64)),
            1 => Encoding.UTF8.GetBytes(Pick(["[]", "null", "1", "\"x\"", "{", "{}", "{\"query\":null}", "{\"query\":{}}"])),
            2 => Encoding.UTF8.GetBytes($"{{\"query\":\"{{ me {{ name }} }}\",\"variables\":{Pick(["[]", "\"x\"", "1", "true", "{\"a\":"])}}}"),
            3 => Encoding.UTF8.GetBytes($"{{\"query\":\"{{ me {{ name }} }}\",\"operationName\":{Pick(["1", "[]", "{}", "true"])}}}"),
            4 => Encoding.UTF8.GetBytes($"{{\"documentId\":\"{Pick(["sha256:", "sha256:00", "md5:x", GarbageString().Replace("\"", "", StringComparison.Ordinal)])}\"}}"),
            5 => Encoding.UTF8.GetBytes($"{{\"extensions\":{{\"persistedQuery\":{{\"version\":{_random.Next(0, 3)},\"sha256Hash\":\"{new string('a', _random.Next(0, 70))}\"}}}}}}"),
            6 => [.. "{\"query\":\"{ me { name "u8, .. RandomBytes(4), .. " } }\"}"u8],
            _ => Encoding.UTF8.GetBytes("{\"query\":\"{ me { name } }\",\"variables\":" + new string('[', _random.Next(60, 300)) + new string(']', 10) + "}"),
        };
        return new FuzzCase(number, "envelope", body, null, Pick(Accepts));
    }

    // ---- helpers

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private string RandomName() => "x" + _random.Next(100_000).ToString(CultureInfo.InvariantCulture);

    private string RandomUnicode(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var roll = _random.Next(10);
            if (roll < 3)
            {
                builder.Append((char)_random.Next(0x20, 0x7F));
            }
            else if (roll < 6)
            {
                builder.Append((char)_random.Next(0xA0, 0xD800));
            }
            else if (roll < 8)
            {
                builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x10FFFF)));
            }
            else if (roll < 9)
            {
                builder.Append((char)_random.Next(0, 0x20)); // control characters
            }
            else
            {
                builder.Append((char)_random.Next(0xD800, 0xE000)); // a lone surrogate
            }
        }

        return builder.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
