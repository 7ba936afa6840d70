package io.retort.expression;

/**
 * Visits the nodes of an expression tree, one method per node type. The SQL compiler implements it;
 * a dialect overrides only the visits whose SQL differs.
 */
public interface ExpressionVisitor {
    void visitColumn(ColumnNode<?> column);

    void visitParam(Param<?> param);

    void visitLiteral(Literal<?> literal);

    void visitComparison(Comparison comparison);

    void visitIsNull(IsNull isNull);

    void visitLogical(Logical logical);

    void visitNot(Not not);

    void visitInList(InList in);

    void visitInQuery(InQuery in);

    void visitBetween(Between between);

    void visitLike(Like like);

    void visitArithmetic(Arithmetic<?> arithmetic);

    void visitConcat(Concat concat);

    void visitCase(Case<?> caseExpression);

    void visitCast(Cast<?> cast);

    void visitFunction(FunctionCall<?> function);

    void visitAggregate(Aggregate<?> aggregate);

    void visitWindow(WindowFunction<?> window);

    void visitLabel(Label<?> label);

    void visitExists(Exists exists);

    void visitScalarSubquery(ScalarSubquery<?> subquery);

    void visitStar(Star star);

    void visitNextValue(NextValue nextValue);

    void visitBuiltinFunction(BuiltinFunction<?> function);

    void visitExtract(Extract<?> extract);

    void visitDateTrunc(DateTrunc<?> trunc);

    void visitDateAdd(DateAdd<?> add);

    void visitSubstring(Substring substring);

    void visitPosition(Position position);

    void visitStringAgg(StringAgg aggregate);
}
