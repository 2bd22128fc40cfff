using System.Runtime.InteropServices;

namespace Readout.Nlp.Training;

/// <summary>
/// A read-only table of <typeparamref name="T"/> in native memory that Linux is asked to back with 2 MB pages
/// (transparent huge pages, <c>madvise</c>): scoring reads weight tables of several megabytes at random places, and with
/// 4 KB pages most of those reads also miss the address-translation cache. Elsewhere, or when the kernel says no, the
/// memory is ordinary pages and nothing else changes. Freed by the finalizer.
/// </summary>
internal sealed unsafe class TableMemory<T> where T : unmanaged
{
    private const nuint HugePage = 2 * 1024 * 1024;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    private readonly T* _data;

    /// <summary>A copy of <paramref name="source"/>.</summary>
    public TableMemory(ReadOnlySpan<T> source)
    {
        Length = source.Length;
        nuint bytes = (nuint)Math.Max(1, source.Length) * (nuint)sizeof(T);
        // Tables of a huge page or more start on a huge-page boundary and fill whole huge pages, so the kernel can
        // give them huge pages; smaller ones are only aligned to a cache line.
        bool huge = bytes >= HugePage;
        nuint size = huge ? (bytes + HugePage - 1) & ~(HugePage - 1) : bytes;
        _data = (T*)NativeMemory.AlignedAlloc(size, huge ? HugePage : 64);
        if (huge && OperatingSystem.IsLinux())
        {
            TableMemory.TryAdvise(_data, size, AdviseHugePage);
        }

        _size = size;
        source.CopyTo(new Span<T>(_data, source.Length));
        GC.AddMemoryPressure((long)size);
    }

    private readonly nuint _size;

    ~TableMemory()
    {
        // Also run for an object whose constructor failed before the memory was had.
        if (_data != null)
        {
            NativeMemory.AlignedFree(_data);
            GC.RemoveMemoryPressure((long)_size);
        }
    }

    public int Length { get; }

    /// <summary>The first element; valid while this object is alive (callers keep it alive across their reads).</summary>
    public ref T First => ref *_data;

    public ReadOnlySpan<T> Span => new(_data, Length);
}

/// <summary>The system call behind <see cref="TableMemory{T}"/> (a generic type cannot declare it).</summary>
internal static unsafe class TableMemory
{
    /// <summary>Gives the kernel the advice if the C library can be reached; the advice only makes reads faster, so failing is no error.</summary>
    public static void TryAdvise(void* address, nuint length, int advice)
    {
        try
        {
            _ = Advise(address, length, advice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Advise(void* address, nuint length, int advice);
}
