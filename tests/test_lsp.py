"""`metadata-lint lsp` driven by a real LSP client (pytest-lsp, pygls, lsprotocol) over stdio.

Positions are checked exactly, in UTF-16 code units as LSP counts them, on a document with
non-ASCII names (CJK and an emoji outside the Basic Multilingual Plane) before the findings.
"""
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import ROOT

BINARY = os.environ.get("METADATA_LINT") or str(ROOT / ".build" / "debug" / "metadata-lint")

DOCUMENT = """{
  "schema_version": "v0.2.0",
  "record_type_categories": {
    "tickets": { "name": "Tickets" }
  },
  "record_types": {
    "users": {
      "name": "User",
      "fields": {
        "email": { "name": "Email", "type": "text", "is_identifier": true },
        "login": { "type": "text" },
        "名前😀": { "type": "txt" }
      }
    },
    "issues": {
      "name": "Issue",
      "category": "ticket",
      "fields": {
        "status": { "type": "enum", "enum": { "values": [{ "key": "open" }, { "key": "done" }] } },
        "owner": { "type": "reference", "reference": { "refers_to": { "#record:users": { "by_field": "email" } } } },
        "reporter": { "type": "reference", "reference": { "refers_to": { "#record:people": {} } } }
      },
      "stage_diagram": {
        "controlling_field": "status",
        "starting_stage": "open",
        "stages": { "open": { "transitions_to": ["done"] }, "done": {} }
      }
    }
  }
}
"""


def position(text: str, needle: str, nth: int = 0, shift: int = 0) -> lsp.Position:
    """The LSP position (UTF-16 columns) of the nth occurrence of needle, plus shift characters."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += shift
    line = text.count("\n", 0, index)
    line_start = text.rfind("\n", 0, index) + 1
    character = len(text[line_start:index].encode("utf-16-le")) // 2
    return lsp.Position(line=line, character=character)


def token_range(text: str, token: str, nth: int = 0) -> lsp.Range:
    start = position(text, token, nth)
    end = position(text, token, nth, shift=len(token))
    return lsp.Range(start=start, end=end)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def client(lsp_client: LanguageClient):
    # Editors accept dynamic registrations; the server asks to watch config files.
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    result = await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    lsp_client.initialize_result = result
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, directory: pathlib.Path, text: str = DOCUMENT) -> str:
    path = directory / "external_domain_metadata.json"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="json", version=1, text=text)
        )
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def by_code(client: LanguageClient, uri: str) -> dict:
    return {d.code: d for d in client.diagnostics[uri]}


@pytest.mark.asyncio
async def test_initialize_announces_the_features(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == "utf-16"
    assert capabilities.hover_provider is True
    assert capabilities.definition_provider is True
    assert capabilities.references_provider is True
    assert capabilities.completion_provider is not None
    assert capabilities.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
    assert client.initialize_result.server_info.name == "metadata-lint"


@pytest.mark.asyncio
async def test_diagnostics_on_open_at_exact_ranges(client: LanguageClient, tmp_path):
    uri = await open_document(client, tmp_path)
    found = by_code(client, uri)
    assert sorted(found) == ["undeclared-category", "unknown-field-type", "unknown-reference-target", "unused-category"]

    category = found["undeclared-category"]
    assert category.range == token_range(DOCUMENT, '"ticket"')
    assert category.severity == lsp.DiagnosticSeverity.Error
    assert category.source == "metadata-lint"
    assert category.message.startswith('record type "issues" has category "ticket", which is not declared')
    assert category.code_description.href == (
        "https://github.com/metadata-lint/metadata-lint/blob/main/docs/rules.md#undeclared-category"
    )

    target = found["unknown-reference-target"]
    assert target.range == token_range(DOCUMENT, '"#record:people"')

    unused = found["unused-category"]
    assert unused.severity == lsp.DiagnosticSeverity.Warning
    assert unused.range == token_range(DOCUMENT, '"tickets"')
    assert list(unused.tags) == [lsp.DiagnosticTag.Unnecessary]


@pytest.mark.asyncio
async def test_utf16_columns_after_non_bmp_characters(client: LanguageClient, tmp_path):
    uri = await open_document(client, tmp_path)
    finding = by_code(client, uri)["unknown-field-type"]
    # `        "名前😀": { "type": "txt" }`: the emoji is two UTF-16 units, the CJK characters one each.
    line = DOCUMENT.splitlines()[11]
    assert finding.range.start == lsp.Position(line=11, character=len('        "名前😀": { "type": ') + 1)
    assert finding.range.start.character == line.index('"txt"') + 1  # Python counts the emoji once
    assert finding.range.end.character == finding.range.start.character + 5

    # The other direction: a position after the emoji lands on the right token.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=position(DOCUMENT, '"txt"', shift=2)
        )
    )
    assert "`unknown-field-type`" in hover.contents.value
    assert 'did you mean "text"?' in hover.contents.value
    assert hover.range == token_range(DOCUMENT, '"txt"')


@pytest.mark.asyncio
async def test_diagnostics_follow_edits(client: LanguageClient, tmp_path):
    uri = await open_document(client, tmp_path)
    assert "undeclared-category" in by_code(client, uri)
    # Two quick edits: "ticket" -> "tickets", then remove the unknown reference target.
    fix_category = token_range(DOCUMENT, '"ticket"')
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangePartial(range=fix_category, text='"tickets"')],
        )
    )
    edited = DOCUMENT.replace('"ticket"', '"tickets"', 1)
    people = token_range(edited, '"#record:people"')
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[lsp.TextDocumentContentChangePartial(range=people, text='"#record:users"')],
        )
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    # Debounced: one check for both edits, of the latest text.
    assert sorted(by_code(client, uri)) == ["unknown-field-type"]

    # Break the JSON: a syntax error at the exact place, and the document stays usable.
    broken = edited.replace('"#record:people"', '"#record:users"')
    cut = position(broken, '"schema_version"')
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=4),
            content_changes=[lsp.TextDocumentContentChangePartial(range=lsp.Range(start=cut, end=cut), text="{")],
        )
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    syntax = client.diagnostics[uri]
    assert [d.code for d in syntax] == ["json-syntax"]
    assert syntax[0].range == lsp.Range(start=lsp.Position(line=1, character=2), end=lsp.Position(line=1, character=3))


@pytest.mark.asyncio
async def test_hover_explains_keys_values_and_findings(client: LanguageClient, tmp_path, binary):
    uri = await open_document(client, tmp_path)

    async def hover(needle, nth=0, shift=1):
        return await client.text_document_hover_async(
            lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=position(DOCUMENT, needle, nth, shift))
        )

    by_field = await hover('"by_field"')
    assert "is_identifier: true" in by_field.contents.value
    assert by_field.range == token_range(DOCUMENT, '"by_field"')

    field_type = await hover('"enum"', shift=2)
    assert "**field type `enum`**" in field_type.contents.value

    target = await hover('"#record:users"', shift=3)
    assert "**record type `users`**: User" in target.contents.value
    assert "identifier fields: `email`" in target.contents.value

    finding = await hover('"ticket"')
    import subprocess

    explained = subprocess.run([binary, "explain", "undeclared-category"], capture_output=True, text=True).stdout
    why = explained.split("Why it matters\n", 1)[1].split("\n\n", 1)[0].strip()
    fix = explained.split("How to fix it\n", 1)[1].strip().splitlines()[0]
    assert why in finding.contents.value
    assert "**How to fix it:** " + fix in finding.contents.value
    assert '```json\n"record_type_categories": { "tickets": {} },' in finding.contents.value
    assert "rules.md#undeclared-category" in finding.contents.value


@pytest.mark.asyncio
async def test_completion_offers_declared_names(client: LanguageClient, tmp_path):
    text = DOCUMENT.replace('"#record:people"', '"#record:"')
    uri = await open_document(client, tmp_path, text)

    async def complete(at):
        result = await client.text_document_completion_async(
            lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=at)
        )
        return result.items

    items = await complete(position(text, '"#record:"', shift=len('"#record:')))
    assert [item.label for item in items] == ["#record:users", "#record:issues"]
    edit = items[0].text_edit
    assert edit.new_text == "#record:users"
    assert edit.range == lsp.Range(
        start=position(text, '"#record:"', shift=1), end=position(text, '"#record:"', shift=len('"#record:'))
    )

    categories = await complete(position(text, '"ticket"', shift=1))
    assert [item.label for item in categories] == ["tickets"]

    identifiers = await complete(position(text, '"email" }', shift=1))
    assert [item.label for item in identifiers] == ["email"]  # only is_identifier fields

    types = [item.label for item in await complete(position(text, '"txt"', shift=1))]
    assert types[:4] == ["bool", "int", "float", "text"] and "typed_reference" in types

    stages = await complete(position(text, '"done"]', shift=1))
    assert [item.label for item in stages] == ["open", "done"]


@pytest.mark.asyncio
async def test_definition_and_references(client: LanguageClient, tmp_path):
    uri = await open_document(client, tmp_path)

    async def definition(needle, shift=2):
        return await client.text_document_definition_async(
            lsp.DefinitionParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=position(DOCUMENT, needle, shift=shift))
        )

    users = await definition('"#record:users"')
    assert [(d.uri, d.range) for d in users] == [(uri, token_range(DOCUMENT, '"users"'))]

    email = await definition('"email" }')
    assert [d.range for d in email] == [token_range(DOCUMENT, '"email"')]

    control = await definition('"status",')
    assert [d.range for d in control] == [token_range(DOCUMENT, '"status"')]

    stage = await definition('"done"]')
    assert [d.range for d in stage] == [token_range(DOCUMENT, '"done"')]  # the enum key

    references = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=position(DOCUMENT, '"users"', shift=2),
            context=lsp.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range for r in references] == [token_range(DOCUMENT, '"users"'), token_range(DOCUMENT, '"#record:users"')]


@pytest.mark.asyncio
async def test_config_file_is_honoured(client: LanguageClient, tmp_path):
    (tmp_path / ".metadata-lint.yml").write_text("rules:\n  undeclared-category: off\n  unused-category: error\n")
    uri = await open_document(client, tmp_path)
    found = by_code(client, uri)
    assert "undeclared-category" not in found
    assert found["unused-category"].severity == lsp.DiagnosticSeverity.Error


@pytest.mark.asyncio
async def test_editing_the_config_file_rechecks_open_documents(client: LanguageClient, tmp_path):
    uri = await open_document(client, tmp_path)
    assert "undeclared-category" in by_code(client, uri)
    [watch] = client.registrations
    assert watch.method == "workspace/didChangeWatchedFiles"
    assert [w["globPattern"] for w in watch.register_options["watchers"]] == ["**/.metadata-lint.yml", "**/.metadata-lint.yaml"]
    config = tmp_path / ".metadata-lint.yml"
    config.write_text("rules:\n  undeclared-category: off\n")
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Created)])
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "undeclared-category" not in by_code(client, uri)
    assert "unknown-field-type" in by_code(client, uri)


@pytest.mark.asyncio
async def test_completion_while_the_text_does_not_parse(client: LanguageClient, tmp_path):
    """Typing a new target: the document is broken JSON until the key is closed, and the names
    come from the last version that parsed."""
    uri = await open_document(client, tmp_path)
    after = position(DOCUMENT, '"#record:people": {}', shift=len('"#record:people": {}'))
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangePartial(range=lsp.Range(start=after, end=after), text=', "#category:')],
        )
    )
    cursor = lsp.Position(line=after.line, character=after.character + len(', "#category:'))
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=cursor)
    )
    assert [item.label for item in result.items] == ["#category:tickets"]
    assert result.items[0].text_edit.range == lsp.Range(
        start=lsp.Position(line=after.line, character=after.character + 3), end=cursor
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["json-syntax"]


@pytest.mark.asyncio
async def test_quick_fixes_and_formatting_come_from_the_library(client: LanguageClient, tmp_path, binary):
    capabilities = client.initialize_result.capabilities
    assert capabilities.document_formatting_provider is True
    assert list(capabilities.code_action_provider.code_action_kinds) == [lsp.CodeActionKind.QuickFix]
    text = DOCUMENT.replace('"name": "Tickets" }', '"name": "Tickets", "are_transitions_possible": true }')
    uri = await open_document(client, tmp_path, text)
    finding = by_code(client, uri)["renamed-key"]
    assert list(finding.tags) == [lsp.DiagnosticTag.Deprecated]
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=finding.range,
            context=lsp.CodeActionContext(diagnostics=[finding]),
        )
    )
    [action] = actions
    assert action.kind == lsp.CodeActionKind.QuickFix and action.is_preferred is True
    assert action.diagnostics[0].code == "renamed-key"
    [edit] = action.edit.changes[uri]
    assert edit.range == token_range(text, '"are_transitions_possible"')
    assert edit.new_text == '"are_record_type_conversions_possible"'

    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)
        )
    )
    import subprocess

    expected = subprocess.run([binary, "fmt", "-"], input=text, capture_output=True, text=True).stdout
    [whole] = edits
    assert whole.range.start == lsp.Position(line=0, character=0)
    assert whole.new_text == expected


@pytest.mark.asyncio
async def test_mapping_file_beside_its_metadata(client: LanguageClient, tmp_path, root):
    import shutil

    fixture = root / "fixtures" / "mapping" / "mapping-unknown-record-type" / "fail"
    for name in ("external_domain_metadata.json", "initial_domain_mapping.json"):
        shutil.copy(fixture / name, tmp_path / name)
    text = (tmp_path / "initial_domain_mapping.json").read_text(encoding="utf-8")
    uri = (tmp_path / "initial_domain_mapping.json").as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(uri=uri, language_id="json", version=1, text=text))
    )
    await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = [(d.code, d.range.start.line, d.range.start.character) for d in client.diagnostics[uri]]
    assert ("mapping-unknown-record-type", 41, 6) in found  # fail.expected: 42:7
    assert all(code.startswith(("mapping-", "devrev-")) for code, _, _ in found), found
