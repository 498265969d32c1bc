import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './features/auth/RequireAuth.tsx';
import { RequireRole } from './features/auth/RequireRole.tsx';
import { AppLayout } from './features/layout/AppLayout.tsx';
import { AdminCatalogPage } from './routes/admin/AdminCatalogPage.tsx';
import { AdminHomePage } from './routes/admin/AdminHomePage.tsx';
import { AdminOutcomesPage } from './routes/admin/AdminOutcomesPage.tsx';
import { AdminPractitionersPage } from './routes/admin/AdminPractitionersPage.tsx';
import { AuditPage } from './routes/admin/AuditPage.tsx';
import { ClinicianHomePage } from './routes/clinician/ClinicianHomePage.tsx';
import { ClinicianPatientPage } from './routes/clinician/ClinicianPatientPage.tsx';
import { ConsultationPage } from './routes/clinician/ConsultationPage.tsx';
import { PlanReviewPage } from './routes/clinician/PlanReviewPage.tsx';
import { CoordinatorBookingPage } from './routes/coordinator/CoordinatorBookingPage.tsx';
import { CoordinatorCalendarPage } from './routes/coordinator/CoordinatorCalendarPage.tsx';
import { CoordinatorHomePage } from './routes/coordinator/CoordinatorHomePage.tsx';
import { CoordinatorWaitlistPage } from './routes/coordinator/CoordinatorWaitlistPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { PatientArticlePage } from './routes/patient/PatientArticlePage.tsx';
import { PatientBookingPage } from './routes/patient/PatientBookingPage.tsx';
import { PatientDiaryPage } from './routes/patient/PatientDiaryPage.tsx';
import { PatientHomePage } from './routes/patient/PatientHomePage.tsx';
import { PatientIntakePage } from './routes/patient/PatientIntakePage.tsx';
import { PatientPlanPage } from './routes/patient/PatientPlanPage.tsx';
import { PatientProgressPage } from './routes/patient/PatientProgressPage.tsx';
import { PatientQuestionnairePage } from './routes/patient/PatientQuestionnairePage.tsx';
import { PatientQuestionnairesPage } from './routes/patient/PatientQuestionnairesPage.tsx';
import { RootRedirect } from './routes/RootRedirect.tsx';
import { RouteErrorPage } from './routes/RouteErrorPage.tsx';
import { ResearchHomePage } from './routes/research/ResearchHomePage.tsx';
import { SignInPage } from './routes/sign-in/SignInPage.tsx';
import { VolunteerHomePage } from './routes/volunteer/VolunteerHomePage.tsx';

export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/', element: <RootRedirect /> },
        { path: '/sign-in', element: <SignInPage /> },
        {
          element: <RequireAuth />,
          children: [
            {
              element: <AppLayout />,
              children: [
                {
                  element: <RequireRole allow="patient" />,
                  children: [
                    { path: '/patient', element: <PatientHomePage /> },
                    { path: '/patient/book', element: <PatientBookingPage /> },
                    { path: '/patient/intake', element: <PatientIntakePage /> },
                    { path: '/patient/plan', element: <PatientPlanPage /> },
                    { path: '/patient/learn/:articleId', element: <PatientArticlePage /> },
                    { path: '/patient/diary', element: <PatientDiaryPage /> },
                    { path: '/patient/progress', element: <PatientProgressPage /> },
                    { path: '/patient/questionnaires', element: <PatientQuestionnairesPage /> },
                    { path: '/patient/questionnaires/:instrument', element: <PatientQuestionnairePage /> },
                  ],
                },
                {
                  element: <RequireRole allow="clinician" />,
                  children: [
                    { path: '/clinician', element: <ClinicianHomePage /> },
                    { path: '/clinician/patients/:patientId', element: <ClinicianPatientPage /> },
                    { path: '/clinician/patients/:patientId/review', element: <PlanReviewPage /> },
                    {
                      path: '/clinician/patients/:patientId/consultation/:consultationId',
                      element: <ConsultationPage />,
                    },
                  ],
                },
                {
                  element: <RequireRole allow="coordinator" />,
                  children: [
                    { path: '/coordinator', element: <CoordinatorHomePage /> },
                    { path: '/coordinator/calendar', element: <CoordinatorCalendarPage /> },
                    { path: '/coordinator/waitlist', element: <CoordinatorWaitlistPage /> },
                    { path: '/coordinator/book', element: <CoordinatorBookingPage /> },
                  ],
                },
                {
                  element: <RequireRole allow="volunteer" />,
                  children: [{ path: '/volunteer', element: <VolunteerHomePage /> }],
                },
                {
                  element: <RequireRole allow="researcher" />,
                  children: [{ path: '/research', element: <ResearchHomePage /> }],
                },
                {
                  element: <RequireRole allow="admin" />,
                  children: [
                    { path: '/admin', element: <AdminHomePage /> },
                    { path: '/admin/audit', element: <AuditPage /> },
                    { path: '/admin/catalog', element: <AdminCatalogPage /> },
                    { path: '/admin/practitioners', element: <AdminPractitionersPage /> },
                    { path: '/admin/outcomes', element: <AdminOutcomesPage /> },
                  ],
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
