#pragma once
/// `vanban build --unissued`: the number and the date line's day, month and year left blank
/// for the clerk (`vanban issue`), in the place a filled one takes.
#include "pipeline/content/document.hpp"
#include "pipeline/style/style.hpp"

namespace vanban::cli {

/// Makes `style`'s number and date lines blanks of a fixed width whatever the document says:
/// {number} becomes 4 figure spaces (U+2007, a digit's width: numbers up to 9999), {day} and
/// {month} 2, {year} 4, in both the filled and the blank forms. The layout of the filled
/// line is kept: a number of 4 digits or a 2-digit day and month fill their blanks exactly.
/// An appendix's "(Kèm theo … số …)" line takes its blank forms (the clerk writes those by
/// hand). A document without a number or date gets a stand-in (never printed), so that the
/// checks of a final do not ask for what `issue` gives. Throws an Error at `kind` for an
/// attachment issued as its own file (the number it prints is the main document's).
void leave_unissued(content::Document& doc, style::Style& style);

}  // namespace vanban::cli
