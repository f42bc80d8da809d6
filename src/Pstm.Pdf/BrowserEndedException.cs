namespace Pstm.Pdf;

/// <summary>The browser's process ended, or its connection closed, while a step was waiting for it.</summary>
internal sealed class BrowserEndedException() : Exception("the browser ended");
