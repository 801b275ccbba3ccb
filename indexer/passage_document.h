// One passage → one Xapian document: positional terms, filter terms, values and stored data.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "corpus/document.h"

namespace tsubo {

class Analyzer;

// Builds the Xapian document for passage number `ordinal` of `doc`. The heading context (document
// title and heading path) is indexed before the body, so 「営業秘密の定義」 finds the article whose
// caption is （定義）.
Xapian::Document make_passage_document(const Document& doc, const Passage& passage, std::size_t ordinal,
                                       const Analyzer& analyzer);

// The JSON stored with each passage (and printed by `tsubo passages`):
// {doc_id, passage_id, type, title, heading, heading_path, text, ordinal, source_begin, source_end,
//  meta: {court, date, case_number, case_name, right_type, trial_type, law, law_number, article,
//         section, source_url}; rulings also decision_kind (判決|決定|命令) when the text says;
//  collection and groups for a private collection's documents}
nlohmann::json passage_record(const Document& doc, const Passage& passage, std::size_t ordinal);

// Term with a prefix, control characters (NUL…) and white space dropped, cut at a UTF-8 boundary to
// 240 bytes, so that its Xapian keys stay under the 255-byte key limit.
std::string prefixed_term(const char* prefix, const std::string& value);

// The bytes a term takes in a Xapian key: its length, plus one for each NUL (escaped as two bytes).
std::size_t term_key_bytes(const std::string& term);

}  // namespace tsubo
