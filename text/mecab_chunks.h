// The pieces of normalised text handed to MeCab, bounded in bytes and in runs of one kind of character.
#pragma once

#include <cstddef>
#include <string_view>

namespace tsubo {

// Largest piece of text handed to MeCab at once; longer text is cut at a sentence end.
inline constexpr std::size_t kMaxChunkBytes = 8192;

// Longest run of characters of one kind (letters, digits, katakana, symbols…) handed to MeCab in one
// piece; a longer run is cut there. MeCab tries an unknown word from every character of such a run
// to its end, in time that grows with the square of the run: a 3.1 MB statute of one letter took
// 39 s. No word of legal text comes near it.
inline constexpr std::size_t kMaxRunChars = 256;

// End of the piece of s that starts at `from`: at most kMaxChunkBytes, after a 。 or a space in its
// second half when there is one, else at a code point boundary; earlier where a run of one kind of
// character grows past kMaxRunChars (the rest of the run starts the next piece).
std::size_t chunk_end(std::string_view s, std::size_t from);

}  // namespace tsubo
