using TwinWorld.Protocol.Bits;

namespace TwinWorld.Protocol.State;

/// <summary>
/// Agents at one tick as a delta against a baseline both sides hold (an empty baseline makes a full
/// snapshot). Both lists are sorted by id. The stream is three runs, each a count then its items:
/// <list type="number">
/// <item>destroyed: ids (as gaps from the previous id) in the baseline that are gone or whose slot now
/// holds a newer entity;</item>
/// <item>updated: the id gap, 3 bits saying which of position, heading and status changed, then the
/// position as a signed difference per axis, the heading as a signed turn in steps, the status in full;</item>
/// <item>created: the id gap, the version, then every field in full.</item>
/// </list>
/// Numbers use <see cref="BitWriter.WriteVarUInt"/>; an id gap of zero (the next id) is one bit.
/// Unchanged agents cost nothing.
/// </summary>
public static class AgentDeltaCodec
{
    private const int PositionBit = 1, HeadingBit = 2, StatusBit = 4;

    /// <summary>Entities in one stream at most: bounds what a forged count can make a decoder allocate.</summary>
    public const int MaxAgents = 4_000_000;

    /// <summary>Writes the delta; returns how many agents it touches (destroyed, updated and created).</summary>
    public static int Encode(ReadOnlySpan<AgentView> baseline, ReadOnlySpan<AgentView> target, BitWriter writer)
    {
        var destroyed = new List<int>();
        var updated = new List<(AgentView Old, AgentView New)>();
        var created = new List<AgentView>();
        int b = 0, t = 0;
        while (b < baseline.Length || t < target.Length)
        {
            if (t == target.Length || (b < baseline.Length && baseline[b].Id < target[t].Id))
            {
                destroyed.Add(baseline[b++].Id);
            }
            else if (b == baseline.Length || target[t].Id < baseline[b].Id)
            {
                created.Add(Checked(target[t++]));
            }
            else
            {
                var (old, now) = (baseline[b++], Checked(target[t++]));
                if (old.Version != now.Version)
                {
                    destroyed.Add(old.Id);
                    created.Add(now);
                }
                else if (old != now)
                {
                    updated.Add((old, now));
                }
            }
        }

        Write(destroyed, updated, created, writer);
        return destroyed.Count + updated.Count + created.Count;
    }

    /// <summary>
    /// Writes a delta already split into its three runs, each sorted by id (an id may be both destroyed and
    /// created: its slot's new entity). For a sender that knows what changed without comparing whole views.
    /// </summary>
    public static void Write(IReadOnlyList<int> destroyed, IReadOnlyList<(AgentView Old, AgentView New)> updated, IReadOnlyList<AgentView> created, BitWriter writer)
    {
        writer.WriteVarUInt((ulong)destroyed.Count);
        int previous = -1;
        for (int i = 0; i < destroyed.Count; i++)
        {
            WriteGap(writer, ref previous, destroyed[i]);
        }
        writer.WriteVarUInt((ulong)updated.Count);
        previous = -1;
        for (int i = 0; i < updated.Count; i++)
        {
            var (old, now) = updated[i];
            WriteGap(writer, ref previous, now.Id);
            WriteChanges(writer, old, Checked(now));
        }
        writer.WriteVarUInt((ulong)created.Count);
        previous = -1;
        for (int i = 0; i < created.Count; i++)
        {
            var agent = Checked(created[i]);
            WriteGap(writer, ref previous, agent.Id);
            writer.WriteVarUInt((ulong)agent.Version);
            writer.WriteVarInt(agent.X);
            writer.WriteVarInt(agent.Y);
            writer.Write((ulong)agent.Heading, 10);
            WriteStatus(writer, agent);
        }
    }

    /// <summary>Bits an updated agent's entry takes after its id gap (which costs 1 bit for the next id, more for a larger gap).</summary>
    public static int UpdateBits(AgentView old, AgentView now)
    {
        int bits = 3;
        if (old.X != now.X || old.Y != now.Y)
        {
            bits += BitWriter.VarIntBits((long)now.X - old.X) + BitWriter.VarIntBits((long)now.Y - old.Y);
        }
        if (old.Heading != now.Heading)
        {
            bits += BitWriter.VarIntBits(Turn(old.Heading, now.Heading));
        }
        if (old.Kind != now.Kind || old.Vital != now.Vital || old.Behaviour != now.Behaviour || old.Owner != now.Owner)
        {
            bits += StatusBits(now);
        }
        return bits;
    }

    /// <summary>Bits a created agent's entry takes after its id gap.</summary>
    public static int CreateBits(AgentView agent)
        => BitWriter.VarUIntBits((ulong)agent.Version) + BitWriter.VarIntBits(agent.X) + BitWriter.VarIntBits(agent.Y) + 10 + StatusBits(agent);

    /// <summary>Applies a delta to its baseline. Throws <see cref="BitStreamException"/> for a stream that does not fit it.</summary>
    public static AgentView[] Decode(ReadOnlySpan<AgentView> baseline, ReadOnlySpan<byte> data)
    {
        var reader = new BitReader(data);

        // Destroyed ids must be in the baseline; what stays is copied in order.
        int destroyedCount = reader.ReadCount(1, baseline.Length);
        var kept = new List<AgentView>(baseline.Length);
        int previous = -1, b = 0;
        for (int i = 0; i < destroyedCount; i++)
        {
            int id = ReadGap(ref reader, ref previous);
            while (b < baseline.Length && baseline[b].Id < id)
            {
                kept.Add(baseline[b++]);
            }
            if (b == baseline.Length || baseline[b].Id != id)
            {
                throw new BitStreamException($"agent {id} is destroyed but is not in the baseline");
            }
            b++;
        }
        while (b < baseline.Length)
        {
            kept.Add(baseline[b++]);
        }

        int updatedCount = reader.ReadCount(5, kept.Count);
        previous = -1;
        int k = 0;
        for (int i = 0; i < updatedCount; i++)
        {
            int id = ReadGap(ref reader, ref previous);
            while (k < kept.Count && kept[k].Id < id)
            {
                k++;
            }
            if (k == kept.Count || kept[k].Id != id)
            {
                throw new BitStreamException($"agent {id} is updated but is not in the baseline");
            }
            kept[k] = ReadChanges(ref reader, kept[k]);
        }

        int createdCount = reader.ReadCount(30, MaxAgents - kept.Count);
        var result = new AgentView[kept.Count + createdCount];
        previous = -1;
        k = 0;
        int r = 0;
        for (int i = 0; i < createdCount; i++)
        {
            int id = ReadGap(ref reader, ref previous);
            while (k < kept.Count && kept[k].Id < id)
            {
                result[r++] = kept[k++];
            }
            if (k < kept.Count && kept[k].Id == id)
            {
                throw new BitStreamException($"agent {id} is created but already exists");
            }
            int version = ReadCount(ref reader, "version");
            int x = ReadPosition(ref reader, 0);
            int y = ReadPosition(ref reader, 0);
            int heading = (int)reader.Read(10);
            result[r++] = ReadStatus(ref reader, new AgentView(id, version, x, y, heading, 0, 0, 0, 0));
        }
        while (k < kept.Count)
        {
            result[r++] = kept[k++];
        }
        reader.ExpectEnd();
        return result;
    }

    private static AgentView Checked(AgentView agent)
        => agent.Problem() is { } problem ? throw new ArgumentException($"The state stream cannot carry this agent: {problem}.", nameof(agent)) : agent;

    private static void WriteGap(BitWriter writer, ref int previous, int id)
    {
        int gap = id - previous - 1;
        if (gap == 0)
        {
            writer.WriteBit(true);
        }
        else
        {
            writer.WriteBit(false);
            writer.WriteVarUInt((ulong)(gap - 1));
        }
        previous = id;
    }

    private static int ReadGap(ref BitReader reader, ref int previous)
    {
        long gap = reader.ReadBit() ? 0 : (long)Math.Min(reader.ReadVarUInt(), int.MaxValue) + 1;
        long id = previous + 1 + gap;
        if (id > int.MaxValue)
        {
            throw new BitStreamException($"an agent id past {int.MaxValue}");
        }
        previous = (int)id;
        return previous;
    }

    private static void WriteChanges(BitWriter writer, AgentView old, AgentView now)
    {
        int mask = (old.X != now.X || old.Y != now.Y ? PositionBit : 0)
            | (old.Heading != now.Heading ? HeadingBit : 0)
            | (old.Kind != now.Kind || old.Vital != now.Vital || old.Behaviour != now.Behaviour || old.Owner != now.Owner ? StatusBit : 0);
        writer.Write((ulong)mask, 3);
        if ((mask & PositionBit) != 0)
        {
            writer.WriteVarInt((long)now.X - old.X);
            writer.WriteVarInt((long)now.Y - old.Y);
        }
        if ((mask & HeadingBit) != 0)
        {
            writer.WriteVarInt(Turn(old.Heading, now.Heading));
        }
        if ((mask & StatusBit) != 0)
        {
            WriteStatus(writer, now);
        }
    }

    private static AgentView ReadChanges(ref BitReader reader, AgentView old)
    {
        int mask = (int)reader.Read(3);
        if (mask == 0)
        {
            throw new BitStreamException($"agent {old.Id} is updated with nothing changed");
        }
        var now = old;
        if ((mask & PositionBit) != 0)
        {
            now = now with
            {
                X = ReadPosition(ref reader, old.X),
                Y = ReadPosition(ref reader, old.Y),
            };
        }
        if ((mask & HeadingBit) != 0)
        {
            long turn = reader.ReadVarInt();
            if (turn is < -(Quantisation.HeadingSteps / 2) or >= Quantisation.HeadingSteps / 2)
            {
                throw new BitStreamException($"a turn of {turn} steps");
            }
            now = now with { Heading = (int)((old.Heading + turn) & (Quantisation.HeadingSteps - 1)) };
        }
        return (mask & StatusBit) != 0 ? ReadStatus(ref reader, now) : now;
    }

    /// <summary>The shorter way round: a turn of -512 to 511 steps.</summary>
    private static int Turn(int from, int to) => ((to - from + (Quantisation.HeadingSteps / 2)) & (Quantisation.HeadingSteps - 1)) - (Quantisation.HeadingSteps / 2);

    private static int StatusBits(AgentView agent) => BitWriter.VarUIntBits((ulong)agent.Kind) + 5 + BitWriter.VarUIntBits(agent.Owner);

    private static void WriteStatus(BitWriter writer, AgentView agent)
    {
        writer.WriteVarUInt((ulong)agent.Kind);
        writer.Write((ulong)agent.Vital, 2);
        writer.Write((ulong)agent.Behaviour, 3);
        writer.WriteVarUInt(agent.Owner);
    }

    private static AgentView ReadStatus(ref BitReader reader, AgentView agent)
        => agent with
        {
            Kind = ReadCount(ref reader, "kind"),
            Vital = (int)reader.Read(2),
            Behaviour = (int)reader.Read(3),
            Owner = reader.ReadVarUInt(),
        };

    /// <summary>A coordinate written as a difference from <paramref name="from"/>; it must stay in the range <see cref="Quantisation"/> clamps to.</summary>
    private static int ReadPosition(ref BitReader reader, int from)
    {
        long value = from + reader.ReadVarInt();
        if (value is < int.MinValue / 2 or > int.MaxValue / 2)
        {
            throw new BitStreamException($"a position of {value} units is out of range");
        }
        return (int)value;
    }

    private static int ReadCount(ref BitReader reader, string what)
    {
        ulong value = reader.ReadVarUInt();
        return value <= int.MaxValue ? (int)value : throw new BitStreamException($"a {what} of {value} is out of range");
    }
}
