using System.Text.Json;

namespace ChainLink.Api.Tests;

/// <summary>
/// The 盟市 boundaries the map page draws (neimenggu.json of the npm package echarts-map, an asset of the web build), decoded from
/// ECharts' compressed GeoJSON: each ring is a string of zigzag-encoded coordinate deltas, two characters per point,
/// starting from the geometry's encodeOffsets, in units of 1/1024 degree.
/// </summary>
internal sealed class Boundaries
{
    private readonly Dictionary<string, List<List<(double Lon, double Lat)>>> _rings;

    private Boundaries(Dictionary<string, List<List<(double Lon, double Lat)>>> rings) => _rings = rings;

    public IReadOnlyCollection<string> RegionCodes => _rings.Keys;

    public static Boundaries Parse(JsonElement json)
    {
        var scale = json.TryGetProperty("UTF8Scale", out var s) ? s.GetDouble() : 1024;
        var rings = new Dictionary<string, List<List<(double, double)>>>(StringComparer.Ordinal);
        foreach (var feature in json.GetProperty("features").EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [(geometry.GetProperty("coordinates"), geometry.GetProperty("encodeOffsets"))]
                : geometry.GetProperty("coordinates").EnumerateArray().Zip(geometry.GetProperty("encodeOffsets").EnumerateArray()).ToList();
            var outer = new List<List<(double, double)>>();
            // Every ring counts as an outline: the package stores 呼伦贝尔's two parts as two rings of one polygon, and no
            // 盟市 has a real hole.
            foreach (var (coordinates, offsets) in polygons)
            {
                for (var r = 0; r < coordinates.GetArrayLength(); r++)
                    outer.Add(DecodeRing(coordinates[r].GetString()!, offsets[r][0].GetInt32(), offsets[r][1].GetInt32(), scale));
            }
            rings[feature.GetProperty("id").GetString()!] = outer;
        }
        return new Boundaries(rings);
    }

    private static List<(double, double)> DecodeRing(string encoded, int x, int y, double scale)
    {
        var points = new List<(double, double)>(encoded.Length / 2);
        for (var i = 0; i + 1 < encoded.Length; i += 2)
        {
            var dx = encoded[i] - 64;
            var dy = encoded[i + 1] - 64;
            x += (dx >> 1) ^ -(dx & 1);
            y += (dy >> 1) ^ -(dy & 1);
            points.Add((x / scale, y / scale));
        }
        return points;
    }

    /// <summary>The bounding box of every boundary: the extent of the whole region.</summary>
    public (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds()
    {
        var all = _rings.Values.SelectMany(r => r).SelectMany(r => r).ToList();
        return (all.Min(p => p.Lon), all.Min(p => p.Lat), all.Max(p => p.Lon), all.Max(p => p.Lat));
    }

    /// <summary>Ray casting against the outline(s) of one 盟市.</summary>
    public bool Contains(string regionCode, double lon, double lat) => _rings[regionCode].Any(ring =>
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    });
}
