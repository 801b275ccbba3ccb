// Format: a version byte, the text's length and FNV-1a hash (spans of another text are refused,
// not misapplied), then per token a varint head (length << 4 | has_term << 3 | kind << 1 | has_gap),
// then, when has_gap, the zigzag varint distance from the previous token's end to this one's begin
// (symbols and spaces; negative where one character normalises into two tokens, ㍻ → 平成), then,
// when has_term, the term's length and bytes. Lengths and distances are bytes of the original text.
#include "text/token_spans.h"

#include <cstdint>

namespace tsubo {
namespace {

constexpr char kFormatVersion = 2;

void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view in, std::size_t& at, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (at >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[at++]);
    v |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

uint32_t zigzag(int64_t v) { return static_cast<uint32_t>(v < 0 ? (-v) * 2 - 1 : v * 2); }
int64_t unzigzag(uint32_t v) { return (v & 1) ? -static_cast<int64_t>((v + 1) / 2) : static_cast<int64_t>(v / 2); }

uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

bool starts_code_point(std::string_view s, std::size_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

}  // namespace

std::string pack_token_spans(const std::vector<Token>& tokens, std::string_view text) {
  std::string out(1, kFormatVersion);
  out.reserve(tokens.size() + 16);
  put_varint(out, static_cast<uint32_t>(text.size()));
  put_varint(out, fnv1a(text));
  uint32_t previous_end = 0;
  for (const Token& t : tokens) {
    const int64_t gap = int64_t{t.begin} - previous_end;
    const bool has_term = text.substr(t.begin, t.end - t.begin) != t.term;
    put_varint(out, (t.end - t.begin) << 4 | (has_term ? 8u : 0u) | static_cast<uint32_t>(t.kind) << 1 | (gap ? 1u : 0u));
    if (gap) put_varint(out, zigzag(gap));
    if (has_term) {
      put_varint(out, static_cast<uint32_t>(t.term.size()));
      out += t.term;
    }
    previous_end = t.end;
  }
  return out;
}

std::optional<std::vector<Token>> unpack_token_spans(std::string_view packed, std::string_view text) {
  if (packed.empty() || packed[0] != kFormatVersion) return std::nullopt;
  std::size_t at = 1;
  uint32_t length_packed = 0, hash_packed = 0;
  if (!get_varint(packed, at, length_packed) || !get_varint(packed, at, hash_packed) ||
      length_packed != text.size() || hash_packed != fnv1a(text))
    return std::nullopt;
  std::vector<Token> tokens;
  tokens.reserve(packed.size() - at);
  uint32_t previous_end = 0;
  while (at < packed.size()) {
    uint32_t head = 0, gap = 0, term_length = 0;
    if (!get_varint(packed, at, head)) return std::nullopt;
    if ((head & 1) && !get_varint(packed, at, gap)) return std::nullopt;
    const int64_t begin = int64_t{previous_end} + unzigzag(gap), end = begin + (head >> 4);
    const uint32_t kind = head >> 1 & 3;
    if (begin < 0 || end <= begin || end > static_cast<int64_t>(text.size()) ||
        kind > static_cast<uint32_t>(TokenKind::Function) || !starts_code_point(text, begin) || !starts_code_point(text, end))
      return std::nullopt;
    Token t;
    if (head & 8) {
      if (!get_varint(packed, at, term_length) || term_length == 0 || term_length > packed.size() - at) return std::nullopt;
      t.term.assign(packed.substr(at, term_length));
      at += term_length;
    } else {
      t.term.assign(text.substr(begin, end - begin));
    }
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.position = static_cast<uint32_t>(tokens.size());
    t.kind = static_cast<TokenKind>(kind);
    previous_end = t.end;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace tsubo
