"""#8 item 3: one cause, one message; "*" gives every unlisted relation a kind; flat [columns]."""

from __future__ import annotations

import orgnet


def relation_folder(write_folder, toml: str | None = None):
    people = "id,navn\n" + "".join(f"p{i},Person {i}\n" for i in range(12))
    ties = "source,target,relation\n" + "".join(f"p{i},p{i + 1},information_advice\n" for i in range(9))
    ties += "p0,p5,lunch\np1,p7,information_advice\n"
    files = {"people": people, "ties": ties}
    if toml is not None:
        files["orgnet_toml"] = toml
    return write_folder(**files)


def test_repeated_problems_of_one_cause_are_one_message_with_their_rows(write_folder, run_cli):
    folder = relation_folder(write_folder)

    result = run_cli("validate", folder)

    hint = '"formal" or "informal"; "*" = "informal" for every relation not listed)'
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2 problems in the input:\n"
        f"  - {folder}/ties.csv, rows 2–10, 12 (10 rows), column 'relation': no kind for relation 'information_advice': "
        f"give a 'kind' column or map it in orgnet.toml ([relations] information_advice = {hint}\n"
        f"  - {folder}/ties.csv, row 11, column 'relation': no kind for relation 'lunch': "
        f"give a 'kind' column or map it in orgnet.toml ([relations] lunch = {hint}\n"
    )


def test_one_kind_for_every_relation_not_listed(write_folder):
    folder = relation_folder(write_folder, '[relations]\nlunch = "formal"\n"*" = "informal"\n\n[columns]\nnavn = "name"\n')

    network = orgnet.read(folder)

    assert network.ties.groupby("relation")["kind"].unique().map(list).to_dict() == {"information_advice": ["informal"], "lunch": ["formal"]}
    assert network.people["name"].iloc[0] == "Person 0"  # the flat [columns] table renamed navn


def test_flat_columns_apply_to_whichever_file_has_the_column(write_folder):
    folder = write_folder(
        people="id,navn,enhed\na,Anna,U1\nb,Bo,U1\n",
        ties="fra,til,kind\na,b,informal\n",
        orgnet_toml='[columns]\nnavn = "name"\nenhed = "unit"\nfra = "source"\ntil = "target"\n',
    )

    network = orgnet.read(folder)

    assert list(network.people.columns[:2]) == ["name", "unit"]
    assert list(zip(network.ties["source"], network.ties["target"])) == [("a", "b")]


def test_a_real_clash_in_flat_columns_names_the_file_and_both_keys(write_folder, run_cli):
    folder = write_folder(
        people="id,navn,fornavn\na,Anna,A\nb,Bo,B\n",
        ties="source,target,kind\na,b,informal\n",
        orgnet_toml='[columns]\nnavn = "name"\nfornavn = "name"\n',
    )

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        "  - orgnet.toml: [columns] navn = \"name\" and fornavn = \"name\" both give people.csv a column 'name'; keep one\n"
    )


def test_a_string_where_a_table_belongs_is_named(write_folder, run_cli):
    folder = write_folder(people="id\na\nb\n", ties="source,target,relation\na,b,x\n", orgnet_toml='relations = "informal"\n')

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        "  - orgnet.toml: relations = 'informal': [relations] must be a table of keys and values, e.g. [relations] on its own line\n"
    )
