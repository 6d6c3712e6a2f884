using System.Globalization;
using System.Linq.Expressions;

namespace LuoshiArchive.Storage.Postgres;

/// <summary>
/// Turns the simple predicates Core writes (<c>x =&gt; x.Code == code &amp;&amp; x.Year == year</c>) into SQL on the
/// record's JSON document, so that PostgreSQL uses its indexes. Of a conjunction, the parts it can translate become
/// the SQL and the rest is left to the caller (<c>exact</c> false), which then filters the rows in memory by the
/// whole predicate; a predicate with no translatable part is refused (false): the answer is the same, only slower.
/// </summary>
internal static class PgWhere
{
    public static bool TryTranslate<T>(Expression<Func<T, bool>> predicate, out string sql,
        out List<(string Name, object Value)> parameters, out bool exact)
    {
        parameters = [];
        var parts = new List<string>();
        exact = true;
        foreach (var conjunct in Conjuncts(predicate.Body))
        {
            var trial = new List<(string, object)>(parameters);
            if (Translate(conjunct, predicate.Parameters[0], trial) is { } translated)
            {
                parts.Add(translated);
                parameters = trial;
            }
            else exact = false;
        }
        sql = string.Join(" and ", parts);
        return parts.Count > 0;
    }

    private static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } both
            ? Conjuncts(both.Left).Concat(Conjuncts(both.Right))
            : [body];

    private static string? Translate(Expression body, ParameterExpression record, List<(string, object)> parameters)
    {
        switch (body)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } both:
                var left = Translate(both.Left, record, parameters);
                var right = left is null ? null : Translate(both.Right, record, parameters);
                if (left is null || right is null) return null;
                return $"({left} {(both.NodeType == ExpressionType.AndAlso ? "and" : "or")} {right})";
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } comparison:
                return Comparison(comparison, record, parameters);
            default:
                return null;
        }
    }

    private static string? Comparison(BinaryExpression comparison, ParameterExpression record,
        List<(string, object)> parameters)
    {
        var (member, other) = PropertyOf(comparison.Left, record) is { } l ? (l, comparison.Right)
            : PropertyOf(comparison.Right, record) is { } r ? (r, comparison.Left) : (null, null);
        if (member is null || other is null || References(other, record)) return null;
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        var field = $"doc->>'{member.Member.Name}'";
        var equal = comparison.NodeType == ExpressionType.Equal;
        // "x.ReadAt == null" holds for a property of any type: the document has no value there.
        if (other is ConstantExpression { Value: null }
            or UnaryExpression { Operand: ConstantExpression { Value: null } })
            return equal ? $"({field}) is null" : $"({field}) is not null";
        if (type != typeof(string) && type != typeof(int) && type != typeof(long) && !type.IsEnum
            && type != typeof(bool))
            return null;
        var value = Evaluate(other);
        if (type.IsEnum && value is not null and not Enum) value = Enum.ToObject(type, value);
        if (value is null) return equal ? $"({field}) is null" : $"({field}) is not null";
        var name = "p" + parameters.Count;
        parameters.Add((name, Text(value)));
        return equal ? $"({field}) = @{name}" : $"(({field}) is null or ({field}) <> @{name})";
    }

    /// <summary>The record's own property (<c>x.Code</c>, also through a conversion to int), or null.</summary>
    private static MemberExpression? PropertyOf(Expression side, ParameterExpression record)
    {
        while (side is UnaryExpression { NodeType: ExpressionType.Convert } conversion) side = conversion.Operand;
        return side is MemberExpression { Expression: ParameterExpression p } member && p == record ? member : null;
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? Evaluate(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } conversion
               && Nullable.GetUnderlyingType(conversion.Type) is not null) expression = conversion.Operand;
        return expression is ConstantExpression constant ? constant.Value
            : Expression.Lambda(expression).Compile().DynamicInvoke();
    }

    private static bool References(Expression expression, ParameterExpression record)
    {
        var finder = new ParameterFinder(record);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(ParameterExpression record) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == record) Found = true;
            return node;
        }
    }
}
