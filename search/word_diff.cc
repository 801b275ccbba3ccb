// Word diff: analyzer tokens and the gaps between them as units, LCS over the part that differs.
#include "search/word_diff.h"

#include <algorithm>

#include "text/analyzer.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {
namespace {

// The text cut into MeCab's words and the symbols or spaces between them, so that the pieces join
// back into the text.
std::vector<std::string> pieces_of(const std::string& text, const Analyzer& analyzer) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (const Token& t : analyzer.analyze(text)) {
    if (t.begin < at || t.end > text.size()) continue;  // a token sharing bytes with the last one
    if (t.begin > at) out.push_back(text.substr(at, t.begin - at));
    out.push_back(text.substr(t.begin, t.end - t.begin));
    at = t.end;
  }
  if (at < text.size()) out.push_back(text.substr(at));
  return out;
}

void append(std::vector<DiffSegment>& out, DiffSegment::Op op, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op) {
    out.back().text += text;
    return;
  }
  out.push_back({op, text});
}

// Longest common subsequence over at most this many pieces on each side (the rest, past the common
// start and end, is shown as one replacement: 4 million cells is about 16 MB).
constexpr std::size_t kMaxCells = 4'000'000;

}  // namespace

std::vector<DiffSegment> word_diff(const std::string& before, const std::string& after, const Analyzer& analyzer) {
  const std::vector<std::string> a = pieces_of(before, analyzer), b = pieces_of(after, analyzer);
  // Compared after NFKC: １０ and 10 (the text export against the XML) are the same words.
  std::vector<std::string> na, nb;
  for (const auto& p : a) na.push_back(normalize_nfkc(p));
  for (const auto& p : b) nb.push_back(normalize_nfkc(p));
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && na[head] == nb[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && na[a.size() - 1 - tail] == nb[b.size() - 1 - tail]) ++tail;
  std::vector<DiffSegment> out;
  for (std::size_t i = 0; i < head; ++i) append(out, DiffSegment::Op::Same, b[i]);
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n * m > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) append(out, DiffSegment::Op::Deleted, a[head + i]);
    for (std::size_t j = 0; j < m; ++j) append(out, DiffSegment::Op::Inserted, b[head + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = na[head + i] == nb[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    std::string deleted, inserted;  // gathered so that a replacement reads deletion, then insertion
    const auto flush = [&] {
      append(out, DiffSegment::Op::Deleted, deleted);
      append(out, DiffSegment::Op::Inserted, inserted);
      deleted.clear();
      inserted.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && na[head + i] == nb[head + j]) {
        flush();
        append(out, DiffSegment::Op::Same, b[head + j]);
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        inserted += b[head + j++];
      } else {
        deleted += a[head + i++];
      }
    }
    flush();
  }
  for (std::size_t k = b.size() - tail; k < b.size(); ++k) append(out, DiffSegment::Op::Same, b[k]);
  return out;
}

std::string marked_diff(const std::vector<DiffSegment>& diff, std::size_t context) {
  // With context, a long change is cut too: its start and how long it is.
  const auto shown = [context](const std::string& text) {
    const std::u32string chars = utf8::to_u32(text);
    if (context == 0 || chars.size() <= 4 * context) return text;
    return utf8::from_u32(chars.substr(0, 2 * context)) + "…（" + std::to_string(chars.size()) + "字）";
  };
  std::string out;
  for (std::size_t k = 0; k < diff.size(); ++k) {
    const DiffSegment& s = diff[k];
    if (s.op == DiffSegment::Op::Deleted) {
      out += "[-" + shown(s.text) + "-]";
      continue;
    }
    if (s.op == DiffSegment::Op::Inserted) {
      out += "{+" + shown(s.text) + "+}";
      continue;
    }
    const std::u32string same = utf8::to_u32(s.text);
    const bool before_change = k + 1 < diff.size(), after_change = k > 0;
    if (context == 0 || same.size() <= 2 * context + 1) {
      out += s.text;
      continue;
    }
    if (after_change) out += utf8::from_u32(same.substr(0, context));
    if (after_change || before_change) out += "…";
    if (before_change) out += utf8::from_u32(same.substr(same.size() - context));
  }
  return out;
}

}  // namespace tsubo
