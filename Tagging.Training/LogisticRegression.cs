namespace Feed.Tagging.Training;

/// <summary>
/// One topic's L2-regularised logistic regression: minimises the mean log loss (a labelled topic's stories weigh
/// <c>positiveWeight</c>) plus λ/2 · |w|² over every weight but the bias, with <see cref="Lbfgs"/>. The objective is
/// convex and the start is zero, so the result is the same on every run.
/// </summary>
public static class LogisticRegression
{
    public static double[] Train(DesignMatrix x, IReadOnlyList<bool> labels, double l2, double positiveWeight = 1)
    {
        var n = x.Rows;
        double Objective(ReadOnlySpan<double> w, Span<double> gradient)
        {
            gradient.Clear();
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var z = x.Dot(i, w);
                var y = labels[i];
                var c = y ? positiveWeight : 1.0;
                // log(1 + e^-m) for the margin m, written so that it never overflows.
                var m = y ? z : -z;
                loss += c * (m > 0 ? Math.Log(1 + Math.Exp(-m)) : -m + Math.Log(1 + Math.Exp(m)));
                var p = Sigmoid(z);
                x.AddScaled(i, c * (p - (y ? 1 : 0)) / n, gradient);
            }
            loss /= n;
            for (var j = 0; j < x.Bias; j++)
            {
                loss += 0.5 * l2 * w[j] * w[j];
                gradient[j] += l2 * w[j];
            }
            return loss;
        }
        return Lbfgs.Minimize(Objective, new double[x.Columns]);
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
