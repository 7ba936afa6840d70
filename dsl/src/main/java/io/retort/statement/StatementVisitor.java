package io.retort.statement;

/** Visits statements, one method per statement type; the SQL compiler implements it. */
public interface StatementVisitor {
    void visitSelect(Select select);

    void visitCompoundSelect(CompoundSelect compound);

    void visitInsert(Insert insert);

    void visitUpdate(Update update);

    void visitDelete(Delete delete);

    void visitText(TextStatement text);
}
