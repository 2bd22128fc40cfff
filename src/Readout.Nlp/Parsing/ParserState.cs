namespace Readout.Nlp.Parsing;

/// <summary>
/// An arc-hybrid configuration over words 1..n with the artificial root 0 at the bottom of the
/// stack. Transition 0 is SHIFT, 1..L are LEFT-label, L+1..2L are RIGHT-label.
/// </summary>
internal sealed class ParserState
{
    // One allocation for the stack and the eight per-word arrays, each n + 1 long, in this order;
    // reused by the next sentence when it is long enough.
    private int[] _data = [];
    private int _m;

    public ParserState(int n) => Reset(n);

    /// <summary>Starts over with a sentence of <paramref name="n"/> words.</summary>
    public void Reset(int n)
    {
        N = n;
        _m = n + 1;
        if (_data.Length < 9 * _m)
        {
            _data = new int[9 * _m];
        }

        _data.AsSpan(_m, 6 * _m).Fill(-1); // heads, labels and the four child arrays
        _data.AsSpan(7 * _m, 2 * _m).Clear(); // the child counts
        _data[0] = 0;
        StackCount = 1;
        Buffer = 1;
    }

    public int N { get; private set; }

    public int StackCount { get; private set; }

    /// <summary>Front of the buffer; <c>N + 1</c> when the buffer is empty.</summary>
    public int Buffer { get; private set; }

    public Span<int> Heads => _data.AsSpan(1 * _m, _m);

    public Span<int> Labels => _data.AsSpan(2 * _m, _m);

    public Span<int> LeftChild1 => _data.AsSpan(3 * _m, _m);

    public Span<int> LeftChild2 => _data.AsSpan(4 * _m, _m);

    public Span<int> RightChild1 => _data.AsSpan(5 * _m, _m);

    public Span<int> RightChild2 => _data.AsSpan(6 * _m, _m);

    public Span<int> LeftCount => _data.AsSpan(7 * _m, _m);

    public Span<int> RightCount => _data.AsSpan(8 * _m, _m);

    public bool IsTerminal => Buffer > N && StackCount == 1;

    public bool BufferEmpty => Buffer > N;

    /// <summary>The <paramref name="depth"/>-th stack element from the top, or -1.</summary>
    public int Stack(int depth) => depth < StackCount ? _data[StackCount - 1 - depth] : -1;

    /// <summary>The buffer word <paramref name="offset"/> places after the front, or -1.</summary>
    public int BufferAt(int offset) => Buffer + offset <= N ? Buffer + offset : -1;

    public bool CanShift => Buffer <= N;

    public bool CanLeft => Buffer <= N && StackCount > 1;

    /// <summary>RIGHT onto the root only when the buffer is empty, so that the tree has one root.</summary>
    public bool CanRight => StackCount > 2 || (StackCount == 2 && Buffer > N);

    /// <summary>True when the RIGHT arc would attach to the root (its label must be "root").</summary>
    public bool RightIsRoot => StackCount == 2;

    public void Shift() => _data[StackCount++] = Buffer++;

    public void Left(int label)
    {
        int d = _data[--StackCount];
        AddArc(Buffer, d, label);
    }

    public void Right(int label)
    {
        int d = _data[--StackCount];
        AddArc(_data[StackCount - 1], d, label);
    }

    public void Apply(int transition, int labelCount)
    {
        if (transition == 0)
        {
            Shift();
        }
        else if (transition <= labelCount)
        {
            Left(transition - 1);
        }
        else
        {
            Right(transition - 1 - labelCount);
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        if (dependent < head)
        {
            // LEFT arcs to one head arrive right to left: the newest is the leftmost.
            LeftChild2[head] = LeftChild1[head];
            LeftChild1[head] = dependent;
            LeftCount[head]++;
        }
        else
        {
            RightChild2[head] = RightChild1[head];
            RightChild1[head] = dependent;
            RightCount[head]++;
        }
    }

    /// <summary>
    /// Dynamic-oracle costs of the three unlabeled transitions (Goldberg and Nivre 2013): the number
    /// of gold arcs each would make unreachable. <paramref name="goldHeads"/> is indexed 1..n.
    /// </summary>
    public (int Shift, int Left, int Right) Costs(int[] goldHeads)
    {
        int shift = int.MaxValue, left = int.MaxValue, right = int.MaxValue;
        int s0 = Stack(0), s1 = Stack(1), b = Buffer;
        if (CanShift)
        {
            shift = 0;
            for (int k = 0; k < StackCount; k++)
            {
                int x = _data[k];
                if (x != s0 && goldHeads[b] == x)
                {
                    shift++;
                }

                if (x != 0 && goldHeads[x] == b)
                {
                    shift++;
                }
            }
        }

        if (CanLeft || CanRight)
        {
            // Children of s0 still in the buffer are lost by either reduction.
            int lostChildren = 0;
            bool headInBuffer = false, headInRestOfBuffer = false;
            for (int x = b; x <= N; x++)
            {
                if (goldHeads[x] == s0)
                {
                    lostChildren++;
                }
            }

            int h = goldHeads[s0];
            if (h >= b)
            {
                headInBuffer = true;
                headInRestOfBuffer = h != b;
            }

            if (CanLeft)
            {
                left = lostChildren + ((h == s1 || headInRestOfBuffer) ? 1 : 0);
            }

            if (CanRight)
            {
                right = lostChildren + (headInBuffer ? 1 : 0);
            }
        }

        return (shift, left, right);
    }
}
