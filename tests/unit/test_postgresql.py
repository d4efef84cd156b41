"""The throwaway PostgreSQL cluster answers SQL on loopback, and leaves no process, port or folder behind."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from webatlas import postgresql
from webatlas.processes import group_is_gone, listening


def psql(cluster: postgresql.Cluster, sql: str) -> str:
    [[value]] = cluster.sql(sql)
    return value


def test_a_cluster_answers_sql_and_leaves_nothing_behind(tmp_path: Path) -> None:
    with postgresql.running_cluster(tmp_path) as cluster:
        assert cluster.url == f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres"
        assert psql(cluster, "SELECT 6 * 7") == "42"
        # Settings for a cluster nothing needs to survive, and a database that takes any text.
        assert psql(cluster, "SHOW fsync") == "off"
        assert psql(cluster, "SHOW server_encoding") == "UTF8"
        assert psql(cluster, "SELECT 'żółw ✓'") == "żółw ✓"
        assert psql(cluster, "SHOW shared_preload_libraries") == "pg_stat_statements"
        assert cluster.folder.is_dir()
    assert group_is_gone(cluster.pgid)
    assert not listening(cluster.port)
    assert not cluster.folder.exists()
    assert cluster.log == tmp_path / "postgresql.log"
    assert "database system is ready to accept connections" in cluster.log.read_text()


def test_the_folder_goes_even_when_the_block_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="the test failed"), postgresql.running_cluster(tmp_path) as cluster:
        raise RuntimeError("the test failed")
    assert group_is_gone(cluster.pgid)
    assert not cluster.folder.exists()


def test_missing_binaries_say_how_to_install_them(tmp_path: Path) -> None:
    with pytest.raises(postgresql.PostgresqlError, match="apt-get install -y postgresql"):
        postgresql.server_bin(str(tmp_path / "nowhere" / "*" / "bin"))


def test_the_cluster_belongs_to_postgres_when_root_starts_it(tmp_path: Path) -> None:
    # initdb refuses root; anyone else runs the cluster as themselves.
    expected = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    with postgresql.running_cluster(tmp_path) as cluster:
        assert (cluster.folder / "data").owner() == expected


def test_sql_takes_values_as_psql_variables_and_reports_errors(tmp_path: Path) -> None:
    with postgresql.running_cluster(tmp_path) as cluster:
        cluster.sql('CREATE DATABASE :"name"', name="other-db")
        rows = cluster.sql("SELECT current_database(), :'text', 2 UNION ALL SELECT 'x', 'y', 3", database="other-db", text="it's; --")
        assert rows == [["other-db", "it's; --", "2"], ["x", "y", "3"]]
        assert cluster.url_for("other-db") == f"postgresql://postgres@127.0.0.1:{cluster.port}/other-db"
        with pytest.raises(postgresql.PostgresqlError, match="no_such_table"):
            cluster.sql("SELECT * FROM no_such_table")
