#pragma once
/// `vanban build --unissued`: the number and the date line's day, month and year left blank
/// for the clerk (`vanban issue`), in the place a filled one takes.
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// Makes `style`'s number and date lines blanks of a fixed width whatever the document says:
/// {number} becomes 4 figure spaces (U+2007, a digit's width: numbers up to 9999), {day} and
/// {month} 2, {year} 4, in both the filled and the blank forms. The layout of the filled
/// line is kept: a number of 4 digits or a 2-digit day and month fill their blanks exactly.
void leave_unissued(style::Style& style);

}  // namespace vanban::cli
