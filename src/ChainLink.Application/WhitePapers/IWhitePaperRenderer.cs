namespace ChainLink.Application.WhitePapers;

/// <summary>Lays a white paper out as a Word document (.docx, charts as PNG images) and as the same content on a printable HTML page.</summary>
public interface IWhitePaperRenderer
{
    byte[] Docx(WhitePaperContent content);

    byte[] Html(WhitePaperContent content);
}
