import { Box, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type ChangeBar, changeDomain, formatScore } from './outcomes-format.ts';

interface ChangeChartProps {
  bars: ChangeBar[];
  /** Names the axis, e.g. "Mean change in pain (points)". */
  axisLabel: string;
  /** How to read the picture, shown under it, e.g. "Bars left of 0 are a fall in pain…". */
  legend: string;
  /** Read out in place of the picture; the same numbers are in the table named here. */
  label: string;
}

const textColor = 'var(--mantine-color-gray-8)';

/**
 * One bar per group: the mean change, with its 95% confidence interval as whiskers, and a line at 0 so a
 * fall (left) and a rise (right) read at a glance. The picture is one image to screen readers; the table
 * below it has the numbers.
 */
export function ChangeChart({ bars, axisLabel, legend, label }: ChangeChartProps) {
  // Phones get a narrower column of group names, so the bars keep most of the width.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const domain = changeDomain(bars);
  const ticks: number[] = [];
  for (let t = domain[0]; t <= domain[1]; t++) ticks.push(t);
  return (
    <Stack gap={4}>
      <Box role="img" aria-label={label} h={90 + 48 * bars.length}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={bars}
            layout="vertical"
            margin={{ top: 8, right: narrow ? 12 : 24, bottom: 32, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-3)" />
            <XAxis
              type="number"
              domain={domain}
              ticks={ticks}
              tickFormatter={(v: number) => (v === 0 ? '0' : formatScore(v).replace('.0', ''))}
              tick={{ fill: textColor, fontSize: 13 }}
              stroke="var(--mantine-color-gray-6)"
              label={{
                value: axisLabel,
                position: 'insideBottom',
                offset: -20,
                fill: textColor,
                fontSize: 13,
              }}
            />
            <YAxis
              type="category"
              dataKey="group"
              width={narrow ? 96 : 170}
              tick={{ fill: textColor, fontSize: narrow ? 12 : 13 }}
              stroke="var(--mantine-color-gray-6)"
            />
            <ReferenceLine x={0} stroke="var(--mantine-color-gray-8)" strokeWidth={1.5} />
            <Tooltip
              cursor={{ fill: 'var(--mantine-color-gray-1)' }}
              formatter={(_value, _name, item) => [(item.payload as ChangeBar).label, 'Mean change (95% CI)']}
            />
            <Bar
              dataKey="change"
              fill="var(--mantine-color-teal-6)"
              maxBarSize={28}
              isAnimationActive={false}
            >
              <ErrorBar
                dataKey="ciError"
                width={8}
                strokeWidth={2}
                stroke="var(--mantine-color-dark-7)"
                isAnimationActive={false}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Text size="sm">{legend}</Text>
    </Stack>
  );
}
