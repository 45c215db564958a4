package dev.palisade.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs statements on a connection whose transaction the caller owns (and has bound to its tenant). */
public final class JdbcExecutor implements Executor {

    private final Connection connection;

    public JdbcExecutor(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<Object[]> rows(Statement statement) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                st.setObject(i + 1, statement.parameters().get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
