// Groups a ruling's blocks into passages along the ruling's own headings.
#pragma once

#include <vector>

#include "corpus/document.h"
#include "corpus/pdf_text.h"
#include "corpus/ruling_layout.h"

namespace tsubo::ruling {

// Passages in text order, ids left empty. A passage starts at every titled heading down to ⑴
// (第３  当裁判所の判断, ２  争点１について, ⑴  認定事実), at 主文, 事実及び理由, 理由, 別紙, and at
// the parts of a criminal judgment (【罪となるべき事実】, 【量刑の理由】); a heading followed
// directly by a sub-heading joins the sub-heading's passage (its heading path grows instead).
// Numbered paragraphs ("⑵  所論は，…。") and deeper headings (ア, (ア), ａ, 【原告の主張】) start
// passages only inside passages over ~1500 characters, outermost first, and the pieces are packed
// back up to that size; what is still over ~4000 characters is cut at paragraphs. Headings without
// text of their own (a list of the issues) and scraps under ~50 characters join the neighbour under
// the same section that shares more of their heading path; a short lead-in ("次の事実が認められる。")
// joins the sub-section it introduces. Blocks before 主文 form the passage
// 当事者 (court, date, case number, parties).
//
// text: the blocks joined by "\n"; source_begin/source_end: the byte range of the passage's lines
// in the source; heading_path: enclosing headings as written, white space collapsed (a numbered
// paragraph contributes its enumerator only); section: the top-level part (主文, 当事者,
// 当裁判所の判断, 事案の概要, 理由, 別紙 …) without its enumerator.
std::vector<Passage> group_passages(const std::vector<Block>& blocks, const std::vector<pdf_text::Line>& lines);

}  // namespace tsubo::ruling
