using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

public class HtmlTextTests
{
    [Fact]
    public void Block_elements_become_paragraph_breaks()
    {
        Assert.Equal("One\n\nTwo\n\nThree", HtmlText.ToPlainText("<p>One</p><p>Two</p><div>Three</div>"));
    }

    [Fact]
    public void A_br_becomes_a_single_newline()
    {
        Assert.Equal("first line\nsecond line", HtmlText.ToPlainText("first line<br>second line<br/>"));
    }

    [Fact]
    public void Scripts_and_styles_are_dropped()
    {
        Assert.Equal("Visible text", HtmlText.ToPlainText("<style>p { color: red }</style><p>Visible <script>alert('x')</script>text</p>"));
    }

    [Fact]
    public void Entities_are_decoded()
    {
        Assert.Equal("Caf\u00e9 & cr\u00e8me \u2014 \u201cquoted\u201d \u2026", HtmlText.ToPlainText("Caf&eacute; &amp; cr&#232;me &mdash; &ldquo;quoted&rdquo; &hellip;"));
    }

    [Fact]
    public void Whitespace_is_collapsed_and_trimmed()
    {
        Assert.Equal("a b c", HtmlText.ToPlainText("  \n\t a \r\n   b&nbsp;&nbsp; c \n "));
    }

    [Fact]
    public void Inline_elements_do_not_break_words_or_add_spaces()
    {
        Assert.Equal("bold and italic, linked", HtmlText.ToPlainText("<b>bold</b> and <i>ital</i><i>ic</i>, <a href='x'>linked</a>"));
    }

    [Fact]
    public void Lists_and_headings_are_separate_paragraphs()
    {
        Assert.Equal("Title\n\nOne\n\nTwo", HtmlText.ToPlainText("<h2>Title</h2><ul><li>One</li><li>Two</li></ul>"));
    }

    [Fact]
    public void Table_cells_are_separated_by_spaces()
    {
        Assert.Equal("a b\n\nc d", HtmlText.ToPlainText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"));
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines()
    {
        Assert.Equal("line one\nline two", HtmlText.ToPlainText("<pre>line one\nline two</pre>"));
    }

    [Fact]
    public void Escaped_html_is_unescaped_once_more()
    {
        // What an RSS description holding "&amp;lt;p&amp;gt;" gives once the XML parser has decoded it.
        Assert.Equal("Bread & butter", HtmlText.ToPlainText("&lt;p&gt;Bread &amp;amp; butter&lt;/p&gt;"));
    }

    [Fact]
    public void A_lone_less_than_sign_in_prose_is_kept()
    {
        Assert.Equal("3 < 5 and 7 > 2", HtmlText.ToPlainText("3 &lt; 5 and 7 &gt; 2"));
    }

    [Fact]
    public void Empty_or_blank_html_gives_an_empty_string()
    {
        Assert.Equal("", HtmlText.ToPlainText(null));
        Assert.Equal("", HtmlText.ToPlainText("  "));
        Assert.Equal("", HtmlText.ToPlainText("<p> </p><script>x()</script>"));
    }

    [Fact]
    public void Plain_text_keeps_single_newlines_and_paragraphs()
    {
        Assert.Equal("one two\nthree\n\nfour", HtmlText.NormalizePlainText("  one   two\r\nthree\n\n\n four  "));
    }
}
