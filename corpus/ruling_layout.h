// A ruling's PDF lines joined back into paragraphs and heading lines ("blocks"), page furniture dropped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "corpus/pdf_text.h"
#include "corpus/ruling_headings.h"

namespace tsubo::ruling {

struct Block {
  HeadingLine heading;             // Kind::None for a paragraph of text
  std::vector<std::size_t> lines;  // indices of the pdf_text lines joined into this block
  std::string text;                // those lines joined without separators (hard wraps undone)
  std::size_t begin = 0;           // byte range in the source text
  std::size_t end = 0;
};

// Joins hard wraps: a line break stays only after a line that ends a sentence (。, 。」), ends in a
// NUL, is clearly shorter than a full line, or is a heading, and before a line that starts a
// heading. Page breaks (NUL-only lines) and page numbers are dropped.
std::vector<Block> layout_blocks(const std::vector<pdf_text::Line>& lines);

}  // namespace tsubo::ruling
