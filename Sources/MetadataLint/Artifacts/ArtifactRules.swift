/// Rules reported by `check-artifacts`. Malformed records are reported under the JSON rules
/// (json-syntax, json-encoding, json-duplicate-key, ...), as for metadata.
public enum ArtifactRules {
    public static let all: [RuleInfo] = [
        unknownItemType, itemEnvelope, undeclaredDataField, fieldValueType, invalidEnumValue, invalidDateValue,
        valueOutOfBounds, missingRequiredField, duplicateItemID, danglingReference, referencesNotChecked,
        attachmentShape, corruptArtifact, itemsNotChecked, LimitRules.recordTooLarge, LimitRules.notARegularFile,
    ]

    public static let itemsNotChecked = RuleInfo(
        id: "items-not-checked", group: .artifact, severity: .note,
        summary: "Items of a reserved type whose shape the format does not document were counted, not checked.",
        explanation: """
        The reserved item types external_sync_units and external_domain_metadata are uploaded as \
        artifacts too, but the format documents no record shape for them, so check-artifacts only \
        counts their records (and reports malformed JSON). This note says so once per file, so a \
        clean result is not mistaken for a checked one. Check the metadata file itself with \
        `metadata-lint validate`.
        """)

    public static let corruptArtifact = RuleInfo(
        id: "corrupt-artifact", group: .artifact, severity: .error,
        summary: "An artifact cannot be read to its end: truncated or corrupt gzip, or unreadable.",
        explanation: """
        Artifacts are uploaded as gzip files of at most 2 GiB. A gzip stream that ends early \
        (an interrupted upload or a writer that was not closed) or is corrupt loses every record \
        after the damage. The diagnostic gives the last line that could be read. Regenerate the \
        artifact, and make sure the extractor closes the gzip stream before uploading it.
        """)

    public static let unknownItemType = RuleInfo(
        id: "unknown-item-type", group: .artifact, severity: .error,
        summary: "An artifact's item type, from --item-type or its file name, is not declared.",
        explanation: """
        Each artifact carries one item type, which must be a record type of the metadata or a \
        reserved item type (attachments, ssor_attachment, external_sync_units, \
        external_domain_metadata). check-artifacts reads it from --item-type or from the file name \
        (<type>.jsonl, <type>.jsonl.gz, extractor_<type>_<digits>.jsonl, <type>-<n>.jsonl.gz, \
        <type>_<n>.jsonl). Airdrop drops data whose item type it does not know. Rename the file, \
        pass --item-type, or declare the record type.
        """)

    public static let itemEnvelope = RuleInfo(
        id: "item-envelope", group: .artifact, severity: .error,
        summary: "A record is not a normalized item {id, created_date, modified_date, data, operation?}.",
        explanation: """
        Every extracted record is an object with exactly the keys id (a non-empty string), \
        created_date and modified_date (RFC 3339 strings), data (an object of the record type's \
        fields) and optionally operation (created, updated or deleted). Anything else at the top \
        level, such as a field that belongs inside data, is rejected. Move fields into data and \
        fill in the missing keys.
        """)

    public static let undeclaredDataField = RuleInfo(
        id: "undeclared-data-field", group: .artifact, severity: .error,
        summary: "A key in data (or in a struct value) is not a declared field.",
        explanation: """
        The keys of data must be fields declared on the item type's record type (and the keys of \
        a struct value fields of its struct type). An undeclared key cannot be mapped and usually \
        means the metadata is behind the extractor, or a name differs in case or spelling. Declare \
        the field, or fix the name in the extractor.
        """)

    public static let fieldValueType = RuleInfo(
        id: "field-value-type", group: .artifact, severity: .error,
        summary: "A field's value has the wrong JSON type for its declared type.",
        explanation: """
        Values must match their field's type: int is a JSON integer and float a JSON number (never \
        a quoted number), bool a JSON boolean, text, enum, date and timestamp strings, a reference \
        a non-empty string, a typed reference {id, ref_type}, rich_text an array of strings and \
        mention objects, a struct an object, a permission {member_id, role}. A collection field is \
        a JSON array of such values; any other field is a single value. Missing values are null or \
        omitted. Fix the extractor's serialisation, or the field's declared type.
        """)

    public static let invalidEnumValue = RuleInfo(
        id: "invalid-enum-value", group: .artifact, severity: .error,
        summary: "An enum field's value is not one of its declared keys.",
        explanation: """
        An enum value in the data must be one of the keys declared in the field's enum block (keys \
        are compared exactly, case included). An undeclared value cannot be mapped. Values are \
        often configurable in the external system: fetch them from its API when building the \
        metadata on each sync, or add the missing key.
        """)

    public static let invalidDateValue = RuleInfo(
        id: "invalid-date-value", group: .artifact, severity: .error,
        summary: "A date or timestamp is malformed or not a real calendar day or time.",
        explanation: """
        Dates are YYYY-MM-DD; timestamps, including created_date and modified_date, are RFC 3339 \
        with a time zone offset (1972-03-29T22:04:47+01:00 or ...Z). Both must be real: no \
        2023-02-29, no 24:00, no missing offset. Format dates in the extractor with an RFC 3339 \
        formatter in UTC.
        """)

    public static let valueOutOfBounds = RuleInfo(
        id: "value-out-of-bounds", group: .artifact, severity: .error,
        summary: "A value breaks its field's min/max, text length or collection length bounds.",
        explanation: """
        The metadata's bounds are promises about the data: int and float values within min and \
        max, text lengths (in characters) within min_length and max_length, collections with \
        between min_length and max_length elements. A value outside them fails when loaded. Fix \
        the data, or widen the bounds if they are wrong.
        """)

    public static let missingRequiredField = RuleInfo(
        id: "missing-required-field", group: .artifact, severity: .error,
        summary: "A field marked is_required is missing or null in a full record.",
        explanation: """
        A field with "is_required": true must be present and not null in every record that is \
        observed whole, that is, with no operation or with operation "created". Updates and \
        deletions may omit it. Extract the field, or drop is_required if the external system does \
        not guarantee it.
        """)

    public static let duplicateItemID = RuleInfo(
        id: "duplicate-item-id", group: .artifact, severity: .error,
        summary: "Two records of the same item type have the same id.",
        explanation: """
        id is the record's primary key in the external system, so it is unique within an item \
        type across all of its artifacts. A repeated id usually means overlapping pagination or a \
        batch uploaded twice, and the later record silently replaces the earlier one. Deduplicate \
        in the extractor.
        """)

    public static let danglingReference = RuleInfo(
        id: "dangling-reference", group: .artifact, severity: .error,
        summary: "A reference value matches no extracted record of its target types.",
        explanation: """
        A reference's value must be the id of a record of one of its targets (#record:X, or any \
        record type of #category:Y), or, with by_field, the value of that identifier field in a \
        target record; an ssor_attachment or attachment parent must be the id of an extracted \
        record. A value that matches nothing was not extracted or is formatted differently (an \
        email in other case, a numeric id as a string). Extract the target, or fix the value.
        """)

    public static let referencesNotChecked = RuleInfo(
        id: "references-not-checked", group: .artifact, severity: .note,
        summary: "References to a record type whose artifacts were not given were not checked.",
        explanation: """
        References are resolved across all the artifacts given in one run. When no artifact of a \
        target type was given, its references cannot be checked, and this note says so once per \
        target type instead of flagging every record. Pass the target type's artifacts too to \
        check them.
        """)

    public static let attachmentShape = RuleInfo(
        id: "attachment-shape", group: .artifact, severity: .error,
        summary: "An ssor_attachment or attachments item does not have its required shape.",
        explanation: """
        ssor_attachment items are {id: {devrev, external}, parent_id: {external}, actor_id: \
        {external}, inline?}, where id.devrev is the artifact DON returned by S3Interact \
        (don:core:<partition>:devo/<n>:artifact/<n>). attachments items are {url, id, file_name, \
        parent_id, author_id?, inline?, content_type?, grand_parent_id?, created_date?, \
        modified_date?}. Anything missing, mistyped or extra fails the attachment phase. Fix the \
        attachment writer.
        """)
}
