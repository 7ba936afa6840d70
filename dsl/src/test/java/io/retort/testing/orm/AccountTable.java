package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;

import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Account}, with a version column. */
public final class AccountTable extends EntityTable<Account> {
    public static final AccountTable ACCOUNTS = new AccountTable();

    public final EntityColumn<Account, Long> ID = id("id", Account::getId, Account::setId);
    public final EntityColumn<Account, String> OWNER = column("owner", varchar(50), Account::getOwner, Account::setOwner, notNull());
    public final EntityColumn<Account, Integer> BALANCE = column("balance", INTEGER, Account::getBalance, Account::setBalance);
    public final EntityColumn<Account, Integer> VERSION = version("version", Account::getVersion, Account::setVersion);

    private AccountTable() {
        super("orm_accounts", Account.class, Account::new);
    }
}
